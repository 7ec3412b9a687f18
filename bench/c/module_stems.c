/*
 * module_stems MODULE OUT_DIR SECONDS: renders a tracker module (MOD, S3M, XM, IT, ...) with libopenmpt
 * once per instrument (or per sample when the module has no instruments), every other instrument muted,
 * as stereo 32-bit float WAV at 44.1 kHz into OUT_DIR/iNN-NAME.wav. The module's own mix (sample and
 * instrument volumes, note volumes, channel volumes and pans, as the composer heard it) is in the stems,
 * and they add up to the whole module: the known mix of a multitrack. Instruments that stay silent in the
 * first SECONDS are not written. Prints one line per stem, then the largest difference between the sum of
 * the stems and a full render (a check that the split is exact).
 */
#include <libopenmpt/libopenmpt.h>
#include <libopenmpt/libopenmpt_ext.h>
#include <sndfile.h>
#include "stereo_wav.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RATE 44100
#define BLOCK 4096

static void *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    void *data = malloc(n > 0 ? n : 1);
    if (fread(data, 1, n, f) != (size_t) n) { fclose(f); free(data); return NULL; }
    fclose(f);
    *size = n;
    return data;
}

/* Renders the module with only instrument `solo` audible (solo < 0: everything) into a new buffer. */
static float *render(const void *data, size_t size, int solo, long max_frames, long *frames) {
    openmpt_module_ext *ext = openmpt_module_ext_create_from_memory(data, size, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    if (!ext) return NULL;
    openmpt_module *mod = openmpt_module_ext_get_module(ext);
    openmpt_module_ext_interface_interactive interactive;
    if (!openmpt_module_ext_get_interface(ext, LIBOPENMPT_EXT_C_INTERFACE_INTERACTIVE, &interactive, sizeof interactive)) {
        openmpt_module_ext_destroy(ext);
        return NULL;
    }
    int count = openmpt_module_get_num_instruments(mod);
    if (count == 0) count = openmpt_module_get_num_samples(mod);
    if (solo >= 0) for (int i = 0; i < count; i++) interactive.set_instrument_mute_status(ext, i, i != solo);
    openmpt_module_set_repeat_count(mod, 0);
    float *out = malloc(sizeof(float) * 2 * max_frames);
    long n = 0;
    while (n < max_frames) {
        long want = max_frames - n < BLOCK ? max_frames - n : BLOCK;
        size_t got = openmpt_module_read_interleaved_float_stereo(mod, RATE, want, out + 2 * n);
        if (got == 0) break;
        n += got;
    }
    openmpt_module_ext_destroy(ext);
    *frames = n;
    return out;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: module_stems MODULE OUT_DIR SECONDS\n");
        return 2;
    }
    size_t size;
    void *data = read_file(argv[1], &size);
    if (!data) { fprintf(stderr, "module_stems: cannot read %s\n", argv[1]); return 1; }
    long max_frames = (long) (atof(argv[3]) * RATE);
    openmpt_module *probe = openmpt_module_create_from_memory2(data, size, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    if (!probe) { fprintf(stderr, "module_stems: libopenmpt cannot load %s\n", argv[1]); return 1; }
    int instruments = openmpt_module_get_num_instruments(probe) > 0;
    int count = instruments ? openmpt_module_get_num_instruments(probe) : openmpt_module_get_num_samples(probe);

    long full_frames;
    float *full = render(data, size, -1, max_frames, &full_frames);
    if (!full) { fprintf(stderr, "module_stems: libopenmpt cannot render %s\n", argv[1]); return 1; }
    float *sum = calloc(2 * full_frames, sizeof(float));
    for (int i = 0; i < count; i++) {
        long frames;
        float *x = render(data, size, i, max_frames, &frames);
        if (!x) { fprintf(stderr, "module_stems: render failed\n"); return 1; }
        double energy = 0;
        for (long k = 0; k < 2 * frames; k++) energy += (double) x[k] * x[k];
        if (energy > 1e-6) {
            const char *raw = instruments ? openmpt_module_get_instrument_name(probe, i) : openmpt_module_get_sample_name(probe, i);
            char name[40];
            int m = 0;
            for (const char *c = raw; *c && m < 24; c++) {
                if (isalnum((unsigned char) *c)) name[m++] = (char) tolower((unsigned char) *c);
                else if (m > 0 && name[m - 1] != '-') name[m++] = '-';
            }
            while (m > 0 && name[m - 1] == '-') m--;
            name[m] = 0;
            openmpt_free_string(raw);
            char path[4096];
            snprintf(path, sizeof path, "%s/i%02d%s%s.wav", argv[2], i + 1, m ? "-" : "", name);
            if (!write_stereo_float_wav(path, x, frames, RATE)) { fprintf(stderr, "module_stems: cannot write %s\n", path); return 1; }
            printf("%s\n", path);
            for (long k = 0; k < 2 * (frames < full_frames ? frames : full_frames); k++) sum[k] += x[k];
        }
        free(x);
    }
    double worst = 0, peak = 0;
    for (long k = 0; k < 2 * full_frames; k++) {
        double d = fabs((double) sum[k] - full[k]);
        if (d > worst) worst = d;
        if (fabs(full[k]) > peak) peak = fabs(full[k]);
    }
    printf("split check: largest |sum of stems - full render| = %.3g (full-render peak %.3g)\n", worst, peak);
    openmpt_module_destroy(probe);
    return 0;
}
