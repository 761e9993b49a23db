using System.Reflection;
using Dispatch.App.Contract;
using Dispatch.Core.Api;
using Dispatch.Core.Orders;
using Dispatch.Functions.Assignments;
using Dispatch.Functions.Http;
using Dispatch.Functions.Orders;
using Dispatch.Functions.Schedules;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.Azure.Functions.Worker;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The HTTP functions called with real HttpRequest objects: the local host's routes, problems and
/// token rules.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpContractTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_http_function_is_anonymous_and_the_signed_link_is_the_rule()
    {
        // As on the local host: organizer routes are guarded by the organizer's link, not a function key, which
        // the pages could not carry. Which routes exist is ApiContractTests' part.
        var functions = ApiContractTests.HttpFunctions();
        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.Equal(AuthorizationLevel.Anonymous, f.Trigger.AuthLevel));
    }

    [Fact]
    public async Task Tokens_are_checked_and_illegal_events_are_refused_before_reaching_the_orchestration()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var (orderId, resident) = await host.PlaceAsync();
        var (otherId, otherResident) = await host.PlaceAsync();
        var offered = await host.WaitForAsync(orderId, s => s.Offer?.MemberId == "m1");
        await host.WaitForAsync(otherId, s => s.Status == OrderStatus.Offered);
        // The orchestration reports its progress after the offer's effects: wait for it to settle first, so
        // "nothing reached the orchestration" below compares like with like.
        for (var i = 0; i < 100 && OrderCommands.ReadProgress((await host.Client.GetInstanceAsync(orderId))?.SerializedCustomStatus)?.Version != offered.State.Version; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(401, Read(await host.Orders.GetAsync(Request("GET", "/x"), orderId, default)).Status);
        var (status, problem, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: "garbage.token"), orderId, default));
        Assert.Equal(401, status);
        (status, problem, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: otherResident), orderId, default));
        Assert.Equal(403, status);
        Assert.EndsWith("token-wrongscope", problem.GetProperty("type").GetString());
        (status, var view, _) = Read(await host.Orders.GetAsync(Request("GET", "/x", token: resident), orderId, default));
        Assert.Equal(200, status);
        Assert.Equal("Offered", view.GetProperty("status").GetString());
        Assert.False(view.TryGetProperty("resident", out _)); // the resident's view names no other member
        Assert.Equal(404, Read(await host.Orders.GetAsync(Request("GET", "/x", token: resident), "nope", default)).Status);

        // A resident's link cannot accept; m2 does not hold the offer; nobody can confirm an undone service.
        (status, problem, _) = Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: resident), orderId, host.Client, default));
        Assert.Equal(403, status);
        Assert.EndsWith("token-wrongrole", problem.GetProperty("type").GetString());
        (status, problem, _) = Read(await host.Orders.AcceptAsync(Request("POST", "/x", token: host.MemberToken("m2")), orderId, host.Client, default));
        Assert.Equal(403, status);
        Assert.EndsWith("not-your-offer", problem.GetProperty("type").GetString());
        (status, problem, _) = Read(await host.Orders.ConfirmAsync(Request("POST", "/x", new { rating = 5 }, resident), orderId, host.Client, default));
        Assert.Equal(409, status);
        Assert.EndsWith("not-done-yet", problem.GetProperty("type").GetString());
        (status, problem, _) = Read(await host.Orders.HoursAsync(Request("POST", "/x", new { hours = 99 }, host.MemberToken("m1")), orderId, host.Client, default));
        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("hours", out _));

        // Nothing reached the orchestration: same version, nothing raised.
        var meta = await host.Client.GetInstanceAsync(orderId, getInputsAndOutputs: true);
        var progress = OrderCommands.ReadProgress(meta!.SerializedCustomStatus)!;
        Assert.Equal(offered.State.Version, progress.Version);
        Assert.Empty(progress.Outcomes);
        Assert.Equal("Offered", progress.Status);
        Assert.DoesNotContain("王秀英", meta.SerializedInput ?? "", StringComparison.Ordinal); // no personal data in history
        Assert.DoesNotContain("13812345678", meta.SerializedCustomStatus ?? "", StringComparison.Ordinal);

        // Organizer lists: need an organizer link.
        Assert.Equal(403, Read(await host.Organizer.OrdersAsync(Request("GET", "/x", token: host.MemberToken("m1")), default)).Status);
        (status, var list, _) = Read(await host.Organizer.OrdersAsync(Request("GET", "/x", token: host.OrganizerToken()), default));
        Assert.Equal(200, status);
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal(400, Read(await host.Organizer.OrdersAsync(Request("GET", "/x?status=Nope", token: host.OrganizerToken()), default)).Status);
        (status, list, _) = Read(await host.Organizer.MembersAsync(Request("GET", "/x", token: host.OrganizerToken()), default));
        Assert.Equal(3, list.GetArrayLength());
        (status, list, _) = Read(await host.Organizer.CommunitiesAsync(Request("GET", "/x"), default));
        Assert.Equal("c1", list[0].GetProperty("communityId").GetString());

        // The resident cancels: the offer is withdrawn from m1, the order closes.
        (status, view, _) = Read(await host.Orders.CancelAsync(Request("POST", "/x", new { reason = "solved" }, resident), orderId, host.Client, default));
        Assert.Equal(200, status);
        Assert.Equal("Cancelled", view.GetProperty("status").GetString());
        (status, problem, _) = Read(await host.Orders.CancelAsync(Request("POST", "/x", token: resident), orderId, host.Client, default));
        Assert.Equal(409, status);
        Assert.EndsWith("closed", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Schedules_run_once_per_slot()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var schedules = host.Get<ScheduledFunctions>();
        var next = new DateTime(2026, 5, 6, 1, 35, 0, DateTimeKind.Utc);
        var key = ScheduledFunctions.SweepKey(next, DateTimeOffset.UtcNow);
        Assert.True(await schedules.ClaimAsync(ScheduledFunctions.ReminderSweepName, key, isPastDue: false, "inv-1", default));
        Assert.False(await schedules.ClaimAsync(ScheduledFunctions.ReminderSweepName, key, isPastDue: true, "inv-2", default)); // double/late fire
        Assert.True(await schedules.ClaimAsync(ScheduledFunctions.ReminderSweepName, ScheduledFunctions.SweepKey(next.AddMinutes(5), DateTimeOffset.UtcNow), false, "inv-3", default));

        // 00:05 China time on 1 January 2027 closes 2026, also when it fires a day late.
        Assert.Equal("AnnualTally|2026", ScheduledFunctions.TallyKey(new DateTimeOffset(2026, 12, 31, 16, 5, 0, TimeSpan.Zero)));
        Assert.Equal("AnnualTally|2026", ScheduledFunctions.TallyKey(new DateTimeOffset(2027, 1, 2, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Assignment_messages_carry_ids_only_and_unreadable_bodies_are_refused_with_a_reason()
    {
        var message = AssignmentMessage.From(new SendOffer("o1", "m1", 2, DateTimeOffset.UnixEpoch, Dispatch.Core.Matching.MatchReason.Hand("org")));
        Assert.Equal("o1-2", AssignmentDelivery.MessageId(message));
        Assert.Equal(message, AssignmentDelivery.TryRead(AssignmentDelivery.Body(message), out _));
        Assert.Null(AssignmentDelivery.TryRead("{oops", out var reason));
        Assert.StartsWith("Unreadable", reason);
        Assert.Null(AssignmentDelivery.TryRead("{\"orderId\":\"o1\"}", out reason));
        Assert.StartsWith("Unreadable", reason);
    }
}
