using Dispatch.Local.Orders;

namespace Dispatch.Local.Hosting;

public static class FollowUpsFirst
{
    /// <summary>An API read waits for the follow-ups queued before it (lists, inboxes, notices: <see cref="DeferredEffects"/>),
    /// so the page after an action shows it. An action on one order waits for that order's follow-ups only: they clear
    /// the order's outbox, and an action that read the order before that write would have to read and decide again.</summary>
    public static IApplicationBuilder UseFollowUpsFirst(this IApplicationBuilder app)
    {
        var tracker = app.ApplicationServices.GetRequiredService<FollowUpTracker>();
        var followUps = app.ApplicationServices.GetRequiredService<DeferredEffects>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    await tracker.SettledAsync(context.RequestAborted);
                }
                else if (context.Request.RouteValues.TryGetValue("orderId", out var value) && value is string orderId)
                {
                    await followUps.SettledAsync(orderId, context.RequestAborted);
                }
            }

            await next(context);
        });
    }
}
