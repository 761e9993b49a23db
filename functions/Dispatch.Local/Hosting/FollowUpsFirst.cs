using Dispatch.Local.Orders;

namespace Dispatch.Local.Hosting;

public static class FollowUpsFirst
{
    /// <summary>An API read waits for the follow-ups queued before it (lists, inboxes, notices: <see cref="DeferredEffects"/>),
    /// so the page after an action shows it. An action on one order waits for that order's follow-ups only: they clear
    /// the order's outbox, and an action that read the order before that write would have to read and decide again.</summary>
    public static IApplicationBuilder UseFollowUpsFirst(this IApplicationBuilder app)
    {
        // Resolved per request, not here: building the pipeline must not build the order services (a host refusing
        // to start over its settings says so when it starts).
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    await context.RequestServices.GetRequiredService<FollowUpTracker>().SettledAsync(context.RequestAborted);
                }
                else if (context.Request.RouteValues.TryGetValue("orderId", out var value) && value is string orderId)
                {
                    await context.RequestServices.GetRequiredService<DeferredEffects>().SettledAsync(orderId, context.RequestAborted);
                }
            }

            await next(context);
        });
    }
}
