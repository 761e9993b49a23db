using System.Collections.Immutable;
using System.Diagnostics;
using Dispatch.Benchmarks.Tallies;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Local.Demo;
using Dispatch.Storage;

namespace Dispatch.Benchmarks;

/// <summary>The steps of one cycle, in order.</summary>
public enum Step
{
    Place,
    ReadOffer,
    Pump,
    Accept,
    Hours,
    Confirm,
}

/// <summary>Runs full order cycles one after another and keeps each step's latency and storage calls.
/// A cycle: the resident places an order (urgent: wanted "now"; otherwise wanted next Saturday 10:00),
/// the organizer's list says who it was offered to, one pass of the loops delivers the offer, that
/// member accepts and reports hours, the resident confirms.</summary>
public sealed class CycleRunner(BenchHost host, StorageMeter meter, BenchOptions options, RequestTrace? trace = null)
{
    private static readonly ImmutableArray<Member> Roster = DemoData.Members();
    private static readonly ImmutableArray<Building> Buildings = DemoData.Buildings;

    private readonly Random _random = new(options.Seed);

    public Dictionary<Step, List<double>> Latencies { get; } = Enum.GetValues<Step>().ToDictionary(s => s, _ => new List<double>());

    /// <summary>Per step, each answer's time outside storage: the answer's time less its request path's storage
    /// requests (added up; they run one after the other), so what the host itself spends shows apart from the store.</summary>
    public Dictionary<Step, List<double>> OutsideStorage { get; } = Enum.GetValues<Step>().ToDictionary(s => s, _ => new List<double>());

    public Dictionary<Step, StorageCounts> Storage { get; } = Enum.GetValues<Step>().ToDictionary(s => s, _ => default(StorageCounts));

    public int Cycles { get; private set; }

    public int UrgentCycles { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Runs cycles that are not measured (JIT, connection pools, table creation caches).</summary>
    public async Task WarmUpAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RunCycleAsync(record: false);
        }
    }

    /// <summary>Runs up to <see cref="BenchOptions.Cycles"/> cycles or until the time limit, whichever is
    /// first. A failed cycle throws <see cref="CycleFailedException"/> (or whatever the client threw).</summary>
    public async Task RunAsync()
    {
        var total = Stopwatch.StartNew();
        try
        {
            while (Cycles < options.Cycles && total.Elapsed < options.Limit)
            {
                await RunCycleAsync(record: true);
                Cycles++;
            }
        }
        finally
        {
            Elapsed = total.Elapsed;
        }
    }

    /// <summary>One measured cycle, for a benchmark that alternates the cycles of two hosts so the machine's noise
    /// falls on both alike.</summary>
    public async Task RunOneAsync()
    {
        var watch = Stopwatch.StartNew();
        await RunCycleAsync(record: true);
        Cycles++;
        Elapsed += watch.Elapsed;
    }

    private async Task RunCycleAsync(bool record)
    {
        // Time moves a minute per cycle, so orders have distinct times and due timers get pumped.
        var clock = host.Clock ?? throw new InvalidOperationException("The cycle benchmark moves the host's clock.");
        clock.Advance(TimeSpan.FromMinutes(1));
        var now = clock.GetUtcNow();
        var urgent = _random.NextDouble() < options.UrgentShare;
        DateTimeOffset? wantedAt = urgent ? null : NextSaturday10(now);
        var at = wantedAt ?? now;
        var categories = Roster
            .Where(m => m.Active && m.Availability.IsAvailableAt(at))
            .SelectMany(m => m.Skills)
            .Distinct()
            .Order()
            .ToArray();
        if (categories.Length == 0)
        {
            throw new CycleFailedException($"No demo member is available at {at:O}.");
        }

        var category = categories[_random.Next(categories.Length)];
        var building = Buildings[_random.Next(Buildings.Length)];
        var form = new PlaceOrderRequest(
            "Service", category.ToString(), DemoData.CommunityId, building.GridId, building.BuildingId, null, urgent, wantedAt,
            "张阿姨", "13812345678", building.NameZh + " 302 室", "基准测试订单");
        if (record && urgent)
        {
            UrgentCycles++;
        }

        var placed = await TimeAsync(Step.Place, record, () => host.CallAsync<PlaceOrderResponse>(HttpMethod.Post, Routes.Orders, null, form, Guid.NewGuid().ToString()));
        Expect(placed.Status == OrderStatus.Offered, $"order {placed.OrderId} ({category}, urgent: {urgent}) placed as {placed.Status}, not Offered");
        var orderId = placed.OrderId;

        var organizer = host.Links.OrganizerToken(DemoData.OrganizerId, DemoData.CommunityId);
        var open = await TimeAsync(Step.ReadOffer, record, () =>
            host.CallAsync<OrganizerOrderView[]>(HttpMethod.Get, Routes.OrganizerOrders, organizer));
        var memberId = open.FirstOrDefault(o => o.OrderId == orderId)?.OfferedTo;
        Expect(memberId is not null, $"order {orderId} is not on the organizer's list with a member it was offered to");

        await TimeAsync(Step.Pump, record, async () =>
        {
            await host.RunLoopsAsync();
            return true;
        });

        var member = host.Links.MemberToken(memberId!, DemoData.CommunityId);
        var accepted = await TimeAsync(Step.Accept, record, () =>
            host.CallAsync<MemberOrderView>(HttpMethod.Post, Route(Routes.Accept, orderId), member));
        Expect(accepted.Status == OrderStatus.Accepted, $"order {orderId} is {accepted.Status} after {memberId} accepted");

        var hours = _random.Next(1, 9) / 2m;
        var done = await TimeAsync(Step.Hours, record, () =>
            host.CallAsync<MemberOrderView>(HttpMethod.Post, Route(Routes.Hours, orderId), member, new HoursRequest(hours)));
        Expect(done.Status == OrderStatus.Done, $"order {orderId} is {done.Status} after {memberId} reported {hours} h");

        var confirmed = await TimeAsync(Step.Confirm, record, () =>
            host.CallAsync<ResidentOrderView>(HttpMethod.Post, Route(Routes.Confirm, orderId), placed.Token, new ConfirmRequest(_random.Next(3, 6))));
        Expect(confirmed.Status == OrderStatus.Confirmed, $"order {orderId} is {confirmed.Status} after the resident confirmed");
    }

    private async Task<T> TimeAsync<T>(Step step, bool record, Func<Task<T>> action)
    {
        var before = meter.Read();
        var tracing = trace is not null && record && Cycles == 0;
        if (tracing)
        {
            trace!.Take();
            trace.Recording = true;
        }

        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var result = await action();
        watch.Stop();
        var answered = meter.Read();

        // The follow-ups the action queued (lists, inboxes, notices, the outbox's clearing) run after its answer; they
        // are counted with the step but apart from its request path (the meter tells them by their span).
        await host.SettleFollowUpsAsync();
        if (tracing)
        {
            trace!.Recording = false;
            var calls = trace.Take();
            Console.WriteLine(string.Create(Stats.Inv,
                $"-- {step}: {calls.Count(c => !c.FollowUp)} storage requests on the request path, {calls.Count(c => c.FollowUp)} follow-ups after the answer; answered in {watch.Elapsed.TotalMilliseconds:0.0} ms (each call: its start after the step's)"));
            foreach (var call in calls.OrderBy(c => c.FollowUp))
            {
                Console.WriteLine(string.Create(Stats.Inv, $"{(call.FollowUp ? " + " : "   ")}{(call.StartedUtc - started).TotalMilliseconds,7:0.0} ms {call.Text}"));
            }
        }
        if (record)
        {
            Latencies[step].Add(watch.Elapsed.TotalMilliseconds);
            OutsideStorage[step].Add(Math.Max(0, watch.Elapsed.TotalMilliseconds - (answered - before).PathMilliseconds));
            Storage[step] += meter.Read() - before;
        }

        return result;
    }

    /// <summary>The next Saturday at 10:00 China time at least a day ahead: every demo member is free then.</summary>
    private static DateTimeOffset NextSaturday10(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        var days = ((int)DayOfWeek.Saturday - (int)local.DayOfWeek + 7) % 7;
        var saturday = new DateTimeOffset(local.Date.AddDays(days == 0 ? 7 : days).AddHours(10), TimeSpan.FromHours(8));
        return saturday - now < TimeSpan.FromDays(1) ? saturday.AddDays(7) : saturday;
    }

    private static string Route(string route, string orderId) => route.Replace("{orderId}", orderId, StringComparison.Ordinal);

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new CycleFailedException(message);
        }
    }
}
