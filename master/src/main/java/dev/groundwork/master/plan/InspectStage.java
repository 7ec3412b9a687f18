package dev.groundwork.master.plan;

import java.util.List;

/** Inspect changes nothing: it lists what it found (the same findings appear as warnings with codes). */
public record InspectStage(List<String> findings, String reason) {
    public InspectStage {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
