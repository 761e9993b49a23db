using Azure.Data.Tables;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests.Channels;

/// <summary>Channel addresses are personal data: a member an organizer deactivates loses their email address, SMS
/// choice and push subscriptions, and the next notice about an order they still hold reaches the inbox only.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChannelErasureTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_deactivated_members_channels_are_deleted_and_the_next_notice_sends_nothing_to_the_old_address()
    {
        await using var sms = await FakeSmsProvider.StartAsync();
        await using var host = await LocalHostFixture.StartAsync(azurite, settings: mail.Settings.Concat(sms.Settings).ToDictionary());
        const string memberId = "m003";
        var phone = (await host.Services.GetRequiredService<MemberStore>().GetAsync(LocalHostFixture.CommunityId, memberId))!.Phone;
        var address = $"{memberId}.erased@example.org";

        // An order for tomorrow 10:00 the member accepted: its "tomorrow" reminder is due at 20:00 today.
        var orderId = await AcceptedByAsync(host, memberId, new DateTimeOffset(2026, 11, 24, 10, 0, 0, Cst));
        await host.CallAsync<ChannelSettingsView>(HttpMethod.Put, ChannelRoutes.MemberChannels, host.MemberToken(memberId), new ChannelSettingsRequest(address, true));
        var people = host.Services.GetRequiredService<ChannelStore>();
        var person = ChannelPerson.Member(memberId);
        await people.AddPushAsync(person, new PushTarget("https://push.example.org/send/abc", "p256dh-key", "auth-secret"));
        Assert.Equal((address, true, 1), await ChosenAsync(people, person));

        await host.CallAsync<MemberRecordView>(
            HttpMethod.Put, RegistryRoutes.MemberActiveOf(memberId), host.OrganizerToken(), new ActiveRequest(false));

        Assert.Equal((null, false, 0), await ChosenAsync(people, person));
        var tables = new TableServiceClient(azurite.ConnectionString);
        Assert.Empty(await RowsAsync(tables.GetTableClient(host.Prefix + ChannelTables.Channels), e => e.PartitionKey == person));

        await host.AdvanceAsync(new DateTimeOffset(2026, 11, 23, 20, 0, 0, Cst) - host.Clock.GetUtcNow());
        var inbox = await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId));
        Assert.Contains(inbox.Notices, n => n.OrderId == orderId && n.Notice == NoticeKind.ServiceTomorrow);
        Assert.Empty(await mail.ToAsync(address));
        Assert.Empty(sms.TextsTo(phone));

        // The delivery log never held the address or the phone either.
        foreach (var row in await RowsAsync(tables.GetTableClient(host.Prefix + ChannelTables.Deliveries), _ => true))
        {
            Assert.DoesNotContain(row, kv => kv.Value?.ToString() is { } s && (s.Contains(address, StringComparison.Ordinal) || s.Contains(phone, StringComparison.Ordinal)));
        }
    }

    private static async Task<(string?, bool, int)> ChosenAsync(ChannelStore people, string person)
    {
        var chosen = await people.GetAsync(person);
        return (chosen.Email, chosen.Sms, chosen.Push.Count);
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, Func<TableEntity, bool> which)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>())
        {
            if (which(e))
            {
                rows.Add(e);
            }
        }

        return rows;
    }

    /// <summary>An order for <paramref name="wantedAt"/> that <paramref name="memberId"/> accepted (dispatched by hand if
    /// matching offered it to someone else).</summary>
    internal static async Task<string> AcceptedByAsync(LocalHostFixture host, string memberId, DateTimeOffset wantedAt)
    {
        var placed = await host.PlaceAsync(LocalHostFixture.Form(urgent: false) with { WantedAt = wantedAt });
        if ((await host.OpenOrderAsync(placed.OrderId)).OfferedTo != memberId)
        {
            await host.CallAsync<ResidentOrderView>(
                HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(memberId));
        }

        await host.CallAsync<MemberOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Accept, placed.OrderId), host.MemberToken(memberId));
        return placed.OrderId;
    }
}
