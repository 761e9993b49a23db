using System.Net;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Testing;

namespace Dispatch.Local.Tests;

/// <summary>Undeliverable offers on the organizer's list, and sending one again, over HTTP on the local host
/// (the Storage queue's poison queue).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterTests(AzuriteFixture azurite)
{
    private static string Resubmit(string id) => Routes.ResubmitDeadLetter.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    private static async Task<InboxView> InboxAsync(LocalHostFixture host, string memberId) =>
        await host.CallAsync<InboxView>(HttpMethod.Get, Routes.Inbox, host.MemberToken(memberId));

    [Fact]
    public async Task An_organizer_sends_an_undeliverable_offer_again_and_the_member_gets_it_once()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (placed, member) = await host.PlaceUndeliverableAsync();
        await host.RunLoopsAsync();
        Assert.Empty((await InboxAsync(host, member)).Offers);

        var letter = Assert.Single(await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, host.OrganizerToken()));
        Assert.Equal((placed.OrderId, member), (letter.OrderId, letter.MemberId));
        Assert.StartsWith("Received 6 times", letter.Reason, StringComparison.Ordinal);

        // Only an organizer of the order's community; an unknown id is a 404 problem.
        using (var asMember = await host.SendAsync(HttpMethod.Post, Resubmit(letter.Id), host.MemberToken(member)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, asMember.StatusCode);
        }

        using (var otherCommunity = await host.SendAsync(HttpMethod.Post, Resubmit(letter.Id), host.OrganizerToken("org-li", "elsewhere")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherCommunity.StatusCode);
        }

        using (var unknown = await host.SendAsync(HttpMethod.Post, Resubmit("no-such-letter"), host.OrganizerToken()))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        }

        Assert.Single(await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, host.OrganizerToken())); // refusals change nothing

        var sent = await host.CallAsync<DeadLetterResubmitted>(HttpMethod.Post, Resubmit(letter.Id), host.OrganizerToken());
        Assert.Equal(new DeadLetterResubmitted(letter.Id, placed.OrderId), sent);
        Assert.Empty(await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, host.OrganizerToken()));

        // A second click finds nothing left to send.
        using (var again = await host.SendAsync(HttpMethod.Post, Resubmit(letter.Id), host.OrganizerToken()))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        await host.RunLoopsAsync();
        await host.RunLoopsAsync();
        var inbox = await InboxAsync(host, member);
        Assert.Equal(placed.OrderId, Assert.Single(inbox.Offers).OrderId);
        Assert.Single(inbox.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);
    }

    [Fact]
    public async Task An_offer_sent_again_after_the_order_went_to_someone_else_leaves_the_first_member_alone()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (placed, first) = await host.PlaceUndeliverableAsync();
        var letter = Assert.Single(await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, host.OrganizerToken()));

        // Meanwhile the organizer phoned round and dispatched the order by hand to someone else.
        var roster = await host.CallAsync<OrganizerMemberView[]>(HttpMethod.Get, Routes.OrganizerMembers, host.OrganizerToken());
        var pick = roster.First(m => m.Active && m.MemberId != first).MemberId;
        await host.CallAsync<ResidentOrderView>(HttpMethod.Post, LocalHostFixture.RouteOf(Routes.Dispatch, placed.OrderId), host.OrganizerToken(), new DispatchRequest(pick));

        await host.CallAsync<DeadLetterResubmitted>(HttpMethod.Post, Resubmit(letter.Id), host.OrganizerToken());
        await host.RunLoopsAsync();

        var firstInbox = await InboxAsync(host, first);
        Assert.Empty(firstInbox.Offers);
        Assert.DoesNotContain(firstInbox.Notices, n => n.OrderId == placed.OrderId && n.Notice == NoticeKind.OrderReceived);
        Assert.Equal(placed.OrderId, Assert.Single((await InboxAsync(host, pick)).Offers).OrderId);
        Assert.Empty(await host.CallAsync<DeadLetterView[]>(HttpMethod.Get, Routes.DeadLetters, host.OrganizerToken()));
    }
}
