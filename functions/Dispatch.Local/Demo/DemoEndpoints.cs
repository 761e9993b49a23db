using Dispatch.Local.Hosting;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Demo;

/// <summary>Only with demo data: the organizer's and every member's link, so one person can play all roles.</summary>
public static class DemoEndpoints
{
    public static IEndpointRouteBuilder MapDemo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/demo/links", (Links links, IOptions<DispatchOptions> options, IOptions<PublicLinkOptions> linkOptions) => options.Value.SeedDemo
            ? Results.Ok(new
            {
                orderForm = linkOptions.Value.Absolute("/"),
                organizers = DemoData.Organizers.Select(o => new { o.OrganizerId, o.Name, url = links.Organizer(o.OrganizerId, o.CommunityId) }),
                members = DemoData.Members().Select(m => new { m.MemberId, m.Name, m.Home.GridId, m.Home.BuildingId, m.Active, skills = m.Skills.Select(s => s.ToString()).Order(), url = links.Inbox(m.MemberId, DemoData.CommunityId) }),
            })
            : Results.NotFound());
        return app;
    }
}
