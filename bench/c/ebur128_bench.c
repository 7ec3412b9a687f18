/*
 * Reference meter for the groundwork benchmarks, built on libebur128 (Debian libebur128-dev).
 *
 *   ebur128_bench measure FILE...      one JSON object per file: integrated, LRA, true/sample peak
 *   ebur128_bench time RUNS FILE       decodes FILE into memory once (not timed), then RUNS times
 *                                      measures integrated + LRA + true peak single-threaded and
 *                                      prints the best and median wall and CPU seconds as JSON.
 *
 * The meter runs in libebur128's exact mode (no histogram), the reference the Java meter is
 * compared with. Files are read with libsndfile, so WAV/FLAC/AIFF of any bit depth work.
 */
#include <ebur128.h>
#include <sndfile.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCK 4096
#define MODE (EBUR128_MODE_I | EBUR128_MODE_LRA | EBUR128_MODE_TRUE_PEAK)

typedef struct {
    float *samples; /* interleaved */
    sf_count_t frames;
    int channels;
    int rate;
} audio;

static int load(const char *path, audio *a) {
    SF_INFO info;
    memset(&info, 0, sizeof info);
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    if (!f) {
        fprintf(stderr, "ebur128_bench: cannot read %s: %s\n", path, sf_strerror(NULL));
        return -1;
    }
    a->frames = info.frames;
    a->channels = info.channels;
    a->rate = info.samplerate;
    a->samples = malloc((size_t) info.frames * info.channels * sizeof(float));
    if (!a->samples) {
        fprintf(stderr, "ebur128_bench: out of memory for %s\n", path);
        sf_close(f);
        return -1;
    }
    sf_count_t got = sf_readf_float(f, a->samples, info.frames);
    sf_close(f);
    a->frames = got;
    return 0;
}

static void set_channel_map(ebur128_state *st, int channels) {
    /* libebur128's default map is L R C LFE Ls Rs; mono is weighted as one front channel. */
    if (channels == 1) ebur128_set_channel(st, 0, EBUR128_LEFT);
}

typedef struct { double integrated, lra, true_peak, sample_peak; } result;

static double db(double x) { return x > 0 ? 20.0 * log10(x) : -INFINITY; }

static int measure(const audio *a, result *r) {
    ebur128_state *st = ebur128_init((unsigned) a->channels, (unsigned long) a->rate,
                                     MODE | EBUR128_MODE_SAMPLE_PEAK);
    if (!st) return -1;
    set_channel_map(st, a->channels);
    for (sf_count_t i = 0; i < a->frames; i += BLOCK) {
        sf_count_t n = a->frames - i < BLOCK ? a->frames - i : BLOCK;
        ebur128_add_frames_float(st, a->samples + i * a->channels, (size_t) n);
    }
    ebur128_loudness_global(st, &r->integrated);
    ebur128_loudness_range(st, &r->lra);
    double tp = 0, sp = 0;
    for (int c = 0; c < a->channels; c++) {
        double v;
        ebur128_true_peak(st, (unsigned) c, &v);
        if (v > tp) tp = v;
        ebur128_sample_peak(st, (unsigned) c, &v);
        if (v > sp) sp = v;
    }
    r->true_peak = db(tp);
    r->sample_peak = db(sp);
    ebur128_destroy(&st);
    return 0;
}

static void print_number(const char *key, double v, int last) {
    if (isfinite(v)) printf("\"%s\": %.6f%s", key, v, last ? "" : ", ");
    else printf("\"%s\": null%s", key, last ? "" : ", ");
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp_double(const void *x, const void *y) {
    double a = *(const double *) x, b = *(const double *) y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "measure") == 0) {
        int status = 0;
        for (int i = 2; i < argc; i++) {
            audio a;
            result r;
            if (load(argv[i], &a) != 0 || measure(&a, &r) != 0) { status = 1; continue; }
            printf("{\"file\": \"%s\", ", argv[i]);
            print_number("integrated_lufs", r.integrated, 0);
            print_number("loudness_range_lu", r.lra, 0);
            print_number("true_peak_dbtp", r.true_peak, 0);
            print_number("sample_peak_dbfs", r.sample_peak, 0);
            printf("\"sample_rate\": %d, \"channels\": %d, \"duration_s\": %.3f}\n",
                   a.rate, a.channels, (double) a.frames / a.rate);
            free(a.samples);
        }
        return status;
    }
    if (argc == 4 && strcmp(argv[1], "time") == 0) {
        int runs = atoi(argv[2]);
        if (runs < 1) runs = 1;
        audio a;
        if (load(argv[3], &a) != 0) return 1;
        double *wall = malloc(runs * sizeof(double)), *cpu = malloc(runs * sizeof(double));
        result r;
        for (int k = 0; k < runs; k++) {
            double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_THREAD_CPUTIME_ID);
            /* integrated + LRA + true peak, as the groundwork harness measures */
            ebur128_state *st = ebur128_init((unsigned) a.channels, (unsigned long) a.rate, MODE);
            set_channel_map(st, a.channels);
            for (sf_count_t i = 0; i < a.frames; i += BLOCK) {
                sf_count_t n = a.frames - i < BLOCK ? a.frames - i : BLOCK;
                ebur128_add_frames_float(st, a.samples + i * a.channels, (size_t) n);
            }
            double tp = 0, v;
            ebur128_loudness_global(st, &r.integrated);
            ebur128_loudness_range(st, &r.lra);
            for (int c = 0; c < a.channels; c++) {
                ebur128_true_peak(st, (unsigned) c, &v);
                if (v > tp) tp = v;
            }
            r.true_peak = db(tp);
            ebur128_destroy(&st);
            cpu[k] = seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
            wall[k] = seconds(CLOCK_MONOTONIC) - w0;
        }
        qsort(wall, runs, sizeof(double), cmp_double);
        qsort(cpu, runs, sizeof(double), cmp_double);
        printf("{\"file\": \"%s\", \"runs\": %d, ", argv[3], runs);
        print_number("best_wall_s", wall[0], 0);
        print_number("median_wall_s", wall[runs / 2], 0);
        print_number("best_cpu_s", cpu[0], 0);
        print_number("median_cpu_s", cpu[runs / 2], 0);
        print_number("integrated_lufs", r.integrated, 0);
        print_number("loudness_range_lu", r.lra, 0);
        print_number("true_peak_dbtp", r.true_peak, 0);
        printf("\"duration_s\": %.3f}\n", (double) a.frames / a.rate);
        return 0;
    }
    fprintf(stderr, "usage: ebur128_bench measure FILE... | ebur128_bench time RUNS FILE\n");
    return 2;
}
