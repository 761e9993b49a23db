using Dispatch.Core.Matching;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The organizers' list of undeliverable offers in an app without Service Bus settings: the shared
/// PoisonQueueDeadLetters over the Storage queue's poison queue, filtered to the organizer's community.
/// (With Service Bus the list comes from the queue's dead-letter sub-queue: ServiceBusDeadLettersTests.)</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_organizer_sees_the_poison_messages_of_their_community_only()
    {
        // One delivery only: the second receive moves a message to the poison queue.
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["Storage:MaxDequeueCount"] = "1", ["ServiceBus"] = null });
        var (ours, _) = await host.PlaceAsync();
        var (theirs, _) = await host.PlaceAsync(Form(community: OtherCommunityId));

        // Offers that were received and never delivered (the app's own sender is the recording one, so the
        // Storage queue holds only these two).
        var queue = host.Get<AssignmentQueue>();
        var deadline = DateTimeOffset.UtcNow.AddHours(1);
        await queue.SendAsync(new SendOffer(ours, "m1", 7, deadline, MatchReason.Hand("org1")));
        await queue.SendAsync(new SendOffer(theirs, "x1", 7, deadline, MatchReason.Hand("org2")));
        Assert.Equal(2, (await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(1))).Count);
        for (var i = 0; i < 50 && (await queue.PeekPoisonAsync()).Count < 2; i++)
        {
            await Task.Delay(200);
            Assert.Empty(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(1)));
        }

        Assert.Equal(2, (await queue.PeekPoisonAsync()).Count);

        var (status, list, _) = Read(await host.Organizer.DeadLettersAsync(Request("GET", "/api/organizer/dead-letters", token: host.OrganizerToken()), default));
        Assert.Equal(200, status);
        var letter = Assert.Single(list.EnumerateArray());
        Assert.Equal(ours, letter.GetProperty("orderId").GetString());
        Assert.Equal("m1", letter.GetProperty("memberId").GetString());
        Assert.StartsWith("Received 2 times", letter.GetProperty("reason").GetString());
        Assert.Equal(2, letter.GetProperty("deliveryCount").GetInt64());

        (status, list, _) = Read(await host.Organizer.DeadLettersAsync(Request("GET", "/x", token: host.OrganizerToken(OtherCommunityId)), default));
        Assert.Equal(200, status);
        Assert.Equal(theirs, Assert.Single(list.EnumerateArray()).GetProperty("orderId").GetString());

        // An organizer's link is needed; the notices route answers the same way.
        Assert.Equal(403, Read(await host.Organizer.DeadLettersAsync(Request("GET", "/x", token: host.MemberToken("m1")), default)).Status);
        Assert.Equal(401, Read(await host.Organizer.DeadLettersAsync(Request("GET", "/x"), default)).Status);
        (status, list, _) = Read(await host.Organizer.NoticesAsync(Request("GET", "/x", token: host.OrganizerToken()), default));
        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, list.ValueKind);
    }

    [Fact]
    public async Task An_organizer_sends_a_poison_message_of_their_community_back_to_the_queue_once()
    {
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["Storage:MaxDequeueCount"] = "1", ["ServiceBus"] = null });
        var (orderId, _) = await host.PlaceAsync();
        var offered = (await host.WaitForAsync(orderId, s => s.Offer is not null)).State.Offer!;
        var queue = host.Get<AssignmentQueue>();
        await queue.SendAsync(new SendOffer(orderId, offered.MemberId, offered.Attempt, offered.Deadline, offered.Reason));
        Assert.Single(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(1)));
        for (var i = 0; i < 50 && (await queue.PeekPoisonAsync()).Count == 0; i++)
        {
            await Task.Delay(200);
            Assert.Empty(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(1)));
        }

        var (_, list, _) = Read(await host.Organizer.DeadLettersAsync(Request("GET", "/api/organizer/dead-letters", token: host.OrganizerToken()), default));
        var id = Assert.Single(list.EnumerateArray()).GetProperty("id").GetString()!;
        var path = $"/api/organizer/dead-letters/{id}/resubmit";

        Assert.Equal(403, Read(await host.Organizer.ResubmitDeadLetterAsync(Request("POST", path, token: host.OrganizerToken(OtherCommunityId)), id, default)).Status);
        var (status, problem, type) = Read(await host.Organizer.ResubmitDeadLetterAsync(Request("POST", "/x", token: host.OrganizerToken()), "no-such-id", default));
        Assert.Equal(404, status);
        Assert.StartsWith("application/problem+json", type);
        Assert.EndsWith("/not-found", problem.GetProperty("type").GetString());

        (status, var sent, _) = Read(await host.Organizer.ResubmitDeadLetterAsync(Request("POST", path, token: host.OrganizerToken()), id, default));
        Assert.Equal(200, status);
        Assert.Equal((id, orderId), (sent.GetProperty("id").GetString(), sent.GetProperty("orderId").GetString()));
        Assert.Equal(404, Read(await host.Organizer.ResubmitDeadLetterAsync(Request("POST", path, token: host.OrganizerToken()), id, default)).Status);

        // The offer is back on the queue, once, and the organizers' list is empty.
        Assert.Empty(await queue.PeekPoisonAsync());
        var back = Assert.Single(await queue.ReceiveAsync(AssignmentQueue.MaxBatch, TimeSpan.FromSeconds(30)));
        Assert.Equal((orderId, offered.MemberId, offered.Attempt), (back.Message.OrderId, back.Message.MemberId, back.Message.Attempt));
        (_, list, _) = Read(await host.Organizer.DeadLettersAsync(Request("GET", "/api/organizer/dead-letters", token: host.OrganizerToken()), default));
        Assert.Empty(list.EnumerateArray());
    }
}
