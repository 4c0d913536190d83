package dev.berth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationCenterTest {
    private final NotificationCenter center = new NotificationCenter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void noticesQueueUpToALimitAndRepeatsAreShownOnce() {
        List<Notice> desktop = new ArrayList<>();
        center.addDesktopListener(desktop::add);
        center.post(Notice.Level.ERROR, "An action failed", "port is already allocated");
        center.post(Notice.Level.ERROR, "An action failed", "port is already allocated");
        assertEquals(1, center.visible().size());
        for (int i = 0; i < 6; i++) {
            center.post(Notice.Level.SUCCESS, "Pulled busybox:" + i, "");
        }
        assertEquals(NotificationCenter.MAX_VISIBLE, center.visible().size());
        assertEquals("Pulled busybox:5", center.visible().getLast().title());
        assertEquals(7, center.history().size());
        assertEquals(7, desktop.size());
        center.dismiss(center.visible().getFirst());
        assertEquals(NotificationCenter.MAX_VISIBLE - 1, center.visible().size());
    }

    @Test
    void emptyTitlesAreNotPosted() {
        center.post(Notice.Level.INFO, " ", "x");
        assertEquals(0, center.history().size());
    }
}
