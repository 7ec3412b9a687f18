package dev.groundwork.studio;

/** A request the studio refuses or cannot serve: an HTTP status and one line the page shows as it is. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() { return status; }

    public static ApiError badRequest(String message) { return new ApiError(400, message); }

    public static ApiError forbidden(String message) { return new ApiError(403, message); }

    public static ApiError notFound(String message) { return new ApiError(404, message); }
}
