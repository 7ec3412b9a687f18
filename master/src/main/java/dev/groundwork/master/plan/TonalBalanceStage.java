package dev.groundwork.master.plan;

import java.util.List;

/** Smooth, limited EQ toward a target curve, mid and side separately. {@code amount_percent} already applied to the gains. */
public record TonalBalanceStage(String targetCurve, double amountPercent, List<EqBand> mid, List<EqBand> side, String reason) {
    public TonalBalanceStage {
        mid = mid == null ? List.of() : List.copyOf(mid);
        side = side == null ? List.of() : List.copyOf(side);
    }
}
