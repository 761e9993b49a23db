using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Logs carry ids, never a link, token or key. Every test's host is also checked when it is disposed
/// (<see cref="LocalHostFixture.DisposeAsync"/>); this one drives a whole cycle and reads the logs itself.</summary>
[Collection(AzuriteCollection.Name)]
public class LogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_whole_cycle_logs_ids_and_no_link_token_or_key()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        await host.RunLoopsAsync();
        var member = (await host.OpenOrderAsync(placed.OrderId)).OfferedTo!;
        var memberToken = host.MemberToken(member);
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), memberToken);
        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Hours, placed.OrderId), memberToken, new HoursRequest(1.5m));
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Confirm, placed.OrderId), placed.Token, new ConfirmRequest(5));
        await host.RunLoopsAsync();

        var logs = host.Logs.Lines;
        Assert.Contains(logs, l => l.Contains($"Offer of order {placed.OrderId} to member {member}", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Contains("http://127.0.0.1/api/demo/links", StringComparison.Ordinal));
        Assert.Empty(LogAudit.Leaks(logs, LocalHostFixture.SigningKey));
    }

    [Fact]
    public async Task The_audit_recognises_the_links_and_tokens_the_host_hands_out()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var offerLink = host.Links.Offer(placed.OrderId, "m001", host.Clock.GetUtcNow().AddHours(2));

        Assert.Single(LogAudit.Leaks([$"Offer: {offerLink}"]));
        Assert.Single(LogAudit.Leaks([$"Resident token {placed.Token}"]));
        Assert.Single(LogAudit.Leaks([$"key={LocalHostFixture.SigningKey}"], LocalHostFixture.SigningKey));
        Assert.Empty(LogAudit.Leaks([$"Offer of order {placed.OrderId} to member m001 until 2026-11-23 04:00:00Z"]));
    }
}
