using Dispatch.App.SignIn;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Demo;

/// <summary>Only in a demo (<see cref="DemoMode"/>): the organizer's and every member's link and the community's registration link, and the
/// latest sign-in code of each phone, so one person can play all roles. The links are handed out here and never logged. Outside a demo the route does not exist (404).</summary>
public static class DemoEndpoints
{
    public const string Route = "/api/demo/links";

    public const string CodesRoute = "/api/demo/codes";

    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<DemoMode>().IsOn)
        {
            return app;
        }

        app.MapGet(Route, (Links links, IOptions<PublicLinkOptions> linkOptions) => Results.Ok(new
        {
            orderForm = linkOptions.Value.Absolute("/"),
            registration = links.Registration(DemoData.CommunityId),
            organizers = DemoData.Organizers.Select(o => new { o.OrganizerId, o.Name, o.GridId, url = links.Organizer(o.OrganizerId, o.CommunityId, o.GridId) }),
            members = DemoData.Members().Select(m => new { m.MemberId, m.Name, m.Home.GridId, m.Home.BuildingId, m.Active, skills = m.Skills.Select(s => s.ToString()).Order(), url = links.Inbox(m.MemberId, DemoData.CommunityId) }),
        })).ExcludeFromDescription(); // demo only: not part of the contract

        // The latest sign-in code of each phone, so one person can sign in as anyone in the demo.
        app.MapGet(CodesRoute, (CodeOutbox outbox) => Results.Ok(outbox.Latest())).ExcludeFromDescription();
        return app;
    }
}
