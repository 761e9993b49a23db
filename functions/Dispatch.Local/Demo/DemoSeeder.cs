using Dispatch.Local.Hosting;
using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Demo;

/// <summary>Creates the tables and, when asked, the demo community and members (upserts: idempotent),
/// then prints the links a newcomer needs.</summary>
public sealed class DemoSeeder(
    StorageAccount account, OrgDirectory org, MemberStore members, Links links, IOptions<DispatchOptions> options, IOptions<PublicLinkOptions> linkOptions, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await account.EnsureCreatedAsync(cancellationToken);
        if (!options.Value.SeedDemo)
        {
            return;
        }

        await org.UpsertTreeAsync(new CommunityDirectory(DemoData.Community, DemoData.Grids, DemoData.Buildings), cancellationToken);
        foreach (var organizer in DemoData.Organizers)
        {
            await org.UpsertOrganizerAsync(organizer, cancellationToken);
        }

        var roster = DemoData.Members();
        await members.UpsertManyAsync(roster, cancellationToken);
        logger.LogInformation("Demo community {CommunityId} ready with {Count} members", DemoData.CommunityId, roster.Length);
        logger.LogInformation("Resident order form: {Url}", linkOptions.Value.Absolute("/"));
        logger.LogInformation("Organizer page ({Name}): {Url}", DemoData.Organizers[0].Name, links.Organizer(DemoData.OrganizerId, DemoData.CommunityId));
        foreach (var m in roster.Where(m => m.Active).Take(3))
        {
            logger.LogInformation("Member inbox of {MemberId}: {Url}", m.MemberId, links.Inbox(m.MemberId, DemoData.CommunityId));
        }

        logger.LogInformation("All demo links: {Url}", linkOptions.Value.Absolute("/api/demo/links"));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
