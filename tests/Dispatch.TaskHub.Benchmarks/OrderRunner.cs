using System.Diagnostics;
using Dispatch.Benchmarks;
using StorageMeter = Dispatch.Benchmarks.StorageMeter;
using Dispatch.Functions.Orders;
using Azure.Data.Tables;
using Dispatch.Functions.Tests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.TaskHub.Benchmarks;

/// <summary>One order through the real HTTP functions, as the Azure host's cycle test drives it, with the
/// storage requests of each step. It waits on in-memory signals only (the recording sender's sends, the
/// execution counts), never by reading storage, so every counted request is the app's or the task hub's own.</summary>
public sealed class OrderRunner(AzureHost host, StorageMeter app, StorageMeter hub, string hubConnection, string hubName)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<Cycle> CycleAsync(bool decline)
    {
        var steps = new Dictionary<string, (StorageCounts Hub, StorageCounts App)>();
        var (hubMark, appMark) = (hub.Read(), app.Read());
        var (episodes, all) = (host.Executions[OrderOrchestration.Name], host.Executions.Total);
        var decided = host.Executions[OrderActivities.Decide];
        var actionMs = new List<double>();
        var ok = 0;

        void Step(string name)
        {
            var (h, a) = (hub.Read(), app.Read());
            steps[name] = (h - hubMark, a - appMark);
            (hubMark, appMark) = (h, a);
        }

        async Task ActAsync(Func<Task<IActionResult>> call)
        {
            var watch = Stopwatch.StartNew();
            var (status, body, _) = Read(await call());
            actionMs.Add(watch.Elapsed.TotalMilliseconds);
            ok += status == 200 ? 1 : 0;
            if (status is not (200 or 202))
            {
                throw new InvalidOperationException($"An action answered {status}: {body}");
            }
        }

        var clock = Stopwatch.StartNew();
        var (orderId, resident) = await host.PlaceAsync();
        await UntilAsync(() => host.Executions[OrderActivities.Decide] > decided, "the first activity");
        var firstActivity = clock.Elapsed;
        await UntilAsync(() => host.Sender.Sends.Contains($"{orderId}-1"), "the first offer");
        var offered = clock.Elapsed;
        Step("place→offer");

        var member = "m1";
        if (decline)
        {
            await ActAsync(() => host.Orders.DeclineAsync(
                Request("POST", $"/api/orders/{orderId}/decline", new { reason = "busy" }, host.MemberToken("m1")), orderId, host.Client, default));
            await UntilAsync(() => host.Sender.Sends.Contains($"{orderId}-2"), "the second offer");
            Step("decline→offer");
            member = "m2";
        }

        await ActAsync(() => host.Orders.AcceptAsync(Request("POST", $"/api/orders/{orderId}/accept", token: host.MemberToken(member)), orderId, host.Client, default));
        Step("accept");
        await ActAsync(() => host.Orders.HoursAsync(Request("POST", $"/api/orders/{orderId}/hours", new { hours = 1.5m }, host.MemberToken(member)), orderId, host.Client, default));
        Step("hours");
        await ActAsync(() => host.Orders.ConfirmAsync(Request("POST", $"/api/orders/{orderId}/confirm", new { rating = 5 }, resident), orderId, host.Client, default));
        Step("confirm");
        await SettleAsync();
        Step("completion");
        var duration = clock.Elapsed;

        // Read after the counts are taken: the history read is the benchmark's, not the order's.
        var meta = await host.Client.GetInstanceAsync(orderId, getInputsAndOutputs: false);
        if (meta?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Order {orderId} did not complete: {meta?.RuntimeStatus}");
        }

        var shape = await HistoryShapeAsync(orderId);
        return new Cycle(
            new StorageCounts(steps.Values.Sum(s => s.Hub.Table), steps.Values.Sum(s => s.Hub.Queue), steps.Values.Sum(s => s.Hub.Blob)),
            new StorageCounts(steps.Values.Sum(s => s.App.Table), steps.Values.Sum(s => s.App.Queue), steps.Values.Sum(s => s.App.Blob)),
            steps,
            host.Executions[OrderOrchestration.Name] - episodes,
            host.Executions.Total - all - (host.Executions[OrderOrchestration.Name] - episodes),
            firstActivity, offered, duration, actionMs, ok, shape);
    }

    /// <summary>The order's history rows in the task hub's History table, counted by event type (every
    /// generation: a continue-as-new shows as more than one ExecutionStarted).</summary>
    private async Task<string> HistoryShapeAsync(string orderId)
    {
        var table = new TableClient(hubConnection, hubName + "History");
        var types = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {orderId}")))
        {
            if (row.GetString("EventType") is { } type)
            {
                types.Add(type);
            }
        }

        return string.Join(", ", types.GroupBy(t => t).Select(g => $"{g.Key} {g.Count()}"));
    }

    /// <summary>Until the orchestration has run its last effects and completed: no execution for 2 s.</summary>
    private async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = host.Executions.Total;
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(2) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            if (host.Executions.Total != last)
            {
                last = host.Executions.Total;
                quiet.Restart();
            }
        }
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {what} within {Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(5);
        }
    }
}

/// <summary>One order's figures.</summary>
public sealed record Cycle(
    StorageCounts Hub,
    StorageCounts App,
    IReadOnlyDictionary<string, (StorageCounts Hub, StorageCounts App)> Steps,
    int Episodes,
    int Activities,
    TimeSpan FirstActivity,
    TimeSpan Offered,
    TimeSpan Duration,
    IReadOnlyList<double> ActionMs,
    int Answered200,
    string History)
{
    public int Actions => ActionMs.Count;
}
