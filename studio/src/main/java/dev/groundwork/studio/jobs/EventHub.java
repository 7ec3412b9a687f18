package dev.groundwork.studio.jobs;

import dev.groundwork.studio.JsonLine;
import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every open tab's event stream; an event goes to all of them, so several tabs see the same state. */
public final class EventHub {
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();

    public void add(SseClient client) {
        clients.add(client);
        client.onClose(() -> clients.remove(client));
    }

    public int size() { return clients.size(); }

    public void broadcast(String event, Object data) {
        String json = JsonLine.of(data);
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            try {
                c.sendEvent(event, json);
            } catch (RuntimeException e) {
                // A tab that went away mid-send is dropped; the others still get the event.
                clients.remove(c);
            }
        }
    }
}
