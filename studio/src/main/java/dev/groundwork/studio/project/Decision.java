package dev.groundwork.studio.project;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a project's decision log. A choice sets the value at {@code path} (a JSON pointer into
 * the project state) from {@code before} to {@code after}; an undo names the choice it takes back.
 *
 * @param seq     position in the log, from 1
 * @param at      ISO-8601 time
 * @param page    master, mix, beat or project
 * @param action  short machine name, e.g. {@code choose_candidate}
 * @param summary the sentence a producer reads in the log
 * @param undoes  for an undo line, the seq of the choice it takes back; otherwise 0
 */
public record Decision(long seq, String at, String page, String action, String summary, String path,
                       JsonNode before, JsonNode after, long undoes) {
    public static final String UNDO = "undo";

    public boolean isUndo() { return UNDO.equals(action); }
}
