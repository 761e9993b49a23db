using Dispatch.Local.Orders;

namespace Dispatch.Local.Hosting;

public static class FollowUpsBeforeReads
{
    /// <summary>An API read waits for the follow-ups queued before it (lists, inboxes, notices: <see cref="DeferredEffects"/>),
    /// so the page after an action shows it. Writes do not wait: an action reads the order row itself.</summary>
    public static IApplicationBuilder UseFollowUpsBeforeReads(this IApplicationBuilder app)
    {
        var tracker = app.ApplicationServices.GetRequiredService<FollowUpTracker>();
        return app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/api"))
            {
                await tracker.SettledAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
