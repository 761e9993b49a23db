using Dispatch.Core.Api;

namespace Dispatch.Local.Hosting;

/// <summary>Runs after routing and before every endpoint: each route value ({orderId}, {postId}, {id},
/// {number}, {year}) must pass the core's id or year rule, so no endpoint can forget it and no malformed
/// value reaches the store (the shared <see cref="RouteValues"/> rule; the Azure host checks the same).</summary>
public static class RouteValueGuard
{
    public static WebApplication UseRouteValueGuard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                RouteValues.Check(http.Request.RouteValues.Select(v => KeyValuePair.Create(v.Key, v.Value?.ToString())));
            }

            return next(http);
        });
        return app;
    }
}
