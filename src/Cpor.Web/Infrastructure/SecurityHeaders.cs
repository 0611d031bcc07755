namespace Cpor.Web.Infrastructure;

/// <summary>
/// Headers on every response: no content sniffing, no referrer to other sites; and on the web UI a
/// Content-Security-Policy allowing only this site's own script and style files — no inline script
/// or style, no framing — so an injected tag cannot run even if encoding were ever missed.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http);
                return Task.CompletedTask;
            });
            await next(http);
        });

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        // The API documentation page brings its own inline script; API answers are JSON.
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // A downloaded file keeps its stricter policy.
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            // A PoE preview may be framed by the review page (SAMEORIGIN); nothing else may be framed.
            if (!headers.ContainsKey("X-Frame-Options"))
            {
                headers.XFrameOptions = "DENY";
            }
        }
    }
}
