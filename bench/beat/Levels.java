import dev.groundwork.beat.*;
import dev.groundwork.beat.plan.*;
import dev.groundwork.beat.render.*;
import dev.groundwork.core.meter.LoudnessMeter;
// Measures each built-in sound's loudness per genre (for render.Calibration). Run: java -cp cli/target/groundwork.jar bench/beat/Levels.java "trap 140 bpm" ...
public class Levels {
  public static void main(String[] a) throws Exception {
    for (String prompt : a) {
      BeatPlan p = BeatMaker.compose(prompt + " 16 bars", 1);
      RenderedBeat r = BeatMaker.render(p, (s, f) -> {});
      StringBuilder sb = new StringBuilder(String.format("%-22s", prompt));
      for (String part : r.partNames()) {
        var m = new LoudnessMeter(2, 44100, java.util.EnumSet.of(LoudnessMeter.Measure.INTEGRATED)); m.add(r.stem(part));
        var pp = p.part(part);
        double l = m.integratedLufs().orElse(-99) - 20*Math.log10(r.trim());
        sb.append(String.format(" %s(%s)=%.1f[raw %.1f]", part, pp.sound(), l, l - pp.gainDb()));
      }
      System.out.println(sb);
    }
  }
}
