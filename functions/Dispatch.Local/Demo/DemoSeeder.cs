using Dispatch.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Local.Demo;

/// <summary>Creates the tables and, in a demo, the demo community and any demo member not there yet (idempotent), then says
/// where a newcomer finds the links. It logs addresses without tokens: links are credentials, and logs travel.</summary>
public sealed class DemoSeeder(
    StorageAccount account, OrgDirectory org, MemberStore members, DemoMode demo, IOptions<PublicLinkOptions> linkOptions, ILogger<DemoSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await account.EnsureCreatedAsync(cancellationToken);
        if (!demo.IsOn)
        {
            return;
        }

        await org.UpsertTreeAsync(new CommunityDirectory(DemoData.Community, DemoData.Grids, DemoData.Buildings), cancellationToken);
        foreach (var organizer in DemoData.Organizers)
        {
            await org.UpsertOrganizerAsync(organizer, cancellationToken);
        }

        await org.UpsertAdministratorAsync(DemoData.Administrator, cancellationToken);

        // Only members not there yet: organizers may have edited or deactivated demo members since, and a restart
        // must not undo that.
        var existing = (await members.ListAsync(DemoData.CommunityId, cancellationToken)).Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        var roster = DemoData.Members();
        await members.UpsertManyAsync(roster.Where(m => !existing.Contains(m.MemberId)), cancellationToken);
        logger.LogInformation("Demo community {CommunityId} ready with {Count} members", DemoData.CommunityId, roster.Length);
        logger.LogInformation("Resident order form: {Url}", linkOptions.Value.Absolute("/"));
        logger.LogInformation("The organizer's and every member's link: {Url}", linkOptions.Value.Absolute(DemoEndpoints.Route));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
