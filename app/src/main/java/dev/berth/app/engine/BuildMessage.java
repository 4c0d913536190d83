package dev.berth.app.engine;

/**
 * One message of a build's stream: text the build printed ({@code stream}: {@code Step 2/5 : RUN make},
 * {@code  ---> Using cache}, a command's output), a pull's status line about a base image, or the ID of an image a
 * stage produced ({@code imageId}, from the stream's {@code aux}). Fields that a message lacks are empty.
 */
public record BuildMessage(String stream, String status, String imageId) {
    public BuildMessage {
        stream = stream == null ? "" : stream;
        status = status == null ? "" : status;
        imageId = imageId == null ? "" : imageId;
    }
}
