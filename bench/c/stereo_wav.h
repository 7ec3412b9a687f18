/* Shared by the bench's stem renderers: writes interleaved stereo float frames as a 32-bit float WAV. */
#ifndef GROUNDWORK_BENCH_STEREO_WAV_H
#define GROUNDWORK_BENCH_STEREO_WAV_H
#include <sndfile.h>

/* 1 when written, 0 when the file could not be opened. */
static int write_stereo_float_wav(const char *path, const float *x, long frames, int rate) {
    SF_INFO info = {0};
    info.samplerate = rate;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    if (!f) return 0;
    sf_writef_float(f, x, frames);
    sf_close(f);
    return 1;
}
#endif
