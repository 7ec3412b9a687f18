package dev.groundwork.mix.roles;

/** A role with how sure the classifier is (0..1) and why, e.g. "name says 'kick'; sound agrees (62 % below 150 Hz, crest 18 dB)". */
public record RoleGuess(Role role, double confidence, String reason) { }
