using System.Collections.Immutable;
using System.Diagnostics;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Orders;
using Dispatch.Core.Time;
using Dispatch.Local.Demo;
using Dispatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Benchmarks.Tallies.Stats;

namespace Dispatch.Benchmarks.Wide;

/// <summary>Fills a host's store with a district: the demo community topped up to <see cref="WideOptions.MembersPerCommunity"/>
/// members, as many more communities of that size (the demo's 4 grids × 3 buildings), every member through
/// <see cref="MemberStore.UpsertManyAsync"/> in 100-row transactions; then the open orders, evenly over the communities,
/// each placed over HTTP, its offer delivered by a pass of the loops and accepted over HTTP by the member it went to —
/// real orders the dispatcher, the organizer's list and the inboxes see.</summary>
internal sealed class WideDistrict(BenchHost host, string connectionString, WideOptions options, StorageMeter meter, RequestTrace? trace)
{
    private static readonly ServiceCategory[] Categories = Enum.GetValues<ServiceCategory>();

    public int Accepted { get; private set; }

    public int NotAccepted { get; private set; }

    public static string CommunityOf(int index) => index == 0 ? DemoData.CommunityId : $"c{index:D2}";

    public async Task LoadAsync()
    {
        var org = host.Services.GetRequiredService<OrgDirectory>();
        // Its own client for the bulk load: Azurite serves one transaction at a time, so a batch queued behind others can
        // wait past the host's 5 s network timeout.
        var store = new MemberStore(new StorageAccount(new StorageOptions
        {
            ConnectionString = connectionString,
            TablePrefix = host.Prefix,
            NetworkTimeout = TimeSpan.FromSeconds(120),
        }));
        var watch = Stopwatch.StartNew();
        var before = meter.Read();
        for (var c = 1; c < options.Communities; c++)
        {
            var id = CommunityOf(c);
            await org.UpsertTreeAsync(new CommunityDirectory(
                new Community(id, $"社区{c}", $"Community {c}"),
                [.. DemoData.Grids.Select(g => g with { CommunityId = id })],
                [.. DemoData.Buildings.Select(b => b with { CommunityId = id })]));
        }

        // A district's store at 10:00 has had today's quota sweep at 08:00 (a nudge to every member below quota: a few
        // requests per member, 100,000 members in a new year). That burst is upkeep, not the request path timed here.
        var marks = host.Services.GetRequiredService<SweepMarks>();
        var now = host.Clock!.GetUtcNow();
        for (var c = 0; c < options.Communities; c++)
        {
            await marks.MarkAsync(ReminderSweep.DailyJob, CommunityOf(c), ChinaTime.DateOf(now), now);
        }

        // The demo community keeps its 50 members and gets the rest generated, so every community is one size.
        var members = Enumerable.Range(0, options.Communities)
            .SelectMany(c => Enumerable.Range(1, options.MembersPerCommunity - (c == 0 ? DemoData.Members().Length : 0)).Select(i => Generate(c, i)));
        var chunks = members.Chunk(MemberStore.BatchSize / 2 - 1).ToList(); // a member and its phone row: one transaction
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = options.LoadConcurrency }, async (chunk, ct) =>
            await store.UpsertManyAsync(chunk, ct));
        var loaded = meter.Read() - before;
        Console.WriteLine(string.Create(Inv, $"   members: {N(options.Members)} in {options.Communities} communities ({N(options.MembersPerCommunity)} each, the demo's 50 included), "
                                         + $"{N(chunks.Count)} transactions of a member and its phone row × ≤ 49, in {Seconds(watch.Elapsed)} s "
                                         + $"({Rate(options.Members - DemoData.Members().Length, watch.Elapsed)} members/s, {N(loaded.Table)} table requests)"));

        watch.Restart();
        before = meter.Read();
        var perCommunity = options.OpenOrders / options.Communities;
        var extra = options.OpenOrders % options.Communities;
        for (var c = 0; c < options.Communities; c++)
        {
            if (trace is not null && c == 1)
            {
                trace.Take();
                trace.Recording = true;
            }

            await OpenOrdersAsync(c, perCommunity + (c < extra ? 1 : 0));
            if ((c + 1) % 10 == 0)
            {
                Console.Error.WriteLine(string.Create(Inv, $"   … open orders of {c + 1} communities after {Seconds(watch.Elapsed)} s"));
            }
            if (trace is not null && c == 1)
            {
                trace.Recording = false;
                Console.WriteLine($"   -- storage requests of the open orders of {CommunityOf(c)}, by method, status and table:");
                foreach (var g in trace.Take().Select(c => c.Text).GroupBy(Resource).OrderByDescending(g => g.Count()))
                {
                    Console.WriteLine(string.Create(Inv, $"      {g.Count(),6}  {g.Key}"));
                }
            }
        }

        var opened = meter.Read() - before;
        Console.WriteLine(string.Create(Inv, $"   open orders: {N(Accepted)} placed over HTTP, offered, delivered and accepted (not closed: wanted in 2–3 weeks), "
                                         + $"{perCommunity}{(extra > 0 ? "–" + (perCommunity + 1) : "")} per community; {NotAccepted} placed but not offered; "
                                         + $"in {Seconds(watch.Elapsed)} s, {N(opened.Total)} storage requests"));

        // Offer reminders and deadlines of the loaded orders fall due while the timed cycles move the clock: let them
        // fall due now and run them out, so the timed passes do the same work as on the empty store.
        watch.Restart();
        var clock = host.Clock!;
        clock.Advance(TimeSpan.FromHours(1));
        var timers = host.Services.GetRequiredService<TimerStore>();
        var passes = 0;
        long last = -1;
        while (passes < 300)
        {
            var start = meter.Read().Total;
            await host.RunLoopsAsync();
            passes++;
            var requests = meter.Read().Total - start;
            if (await timers.NextDueAsync() is not { } due || due > clock.GetUtcNow())
            {
                if (requests == last)
                {
                    break; // two quiet passes alike: nothing left
                }

                last = requests;
            }
        }

        Console.WriteLine(string.Create(Inv, $"   then the clock moved 1 h and {passes} passes of the loops ran the loaded orders' due timers out, in {Seconds(watch.Elapsed)} s"));
    }

    /// <summary>A traced call without its keys: "GET 200 t1234abcdorders".</summary>
    private static string Resource(string call)
    {
        call = System.Text.RegularExpressions.Regex.Replace(call, @"\s+[0-9.]+ ms ", " ");
        var paren = call.IndexOf('(', StringComparison.Ordinal);
        var filter = call.IndexOf(" filter ", StringComparison.Ordinal);
        var cut = paren >= 0 ? paren : filter >= 0 ? filter : call.Length;
        return call[..cut];
    }

    /// <summary>Places <paramref name="count"/> orders in community <paramref name="c"/> (4 at a time), delivers
    /// the offers with one pass of the loops, and has each offered member accept.</summary>
    private async Task OpenOrdersAsync(int c, int count)
    {
        var id = CommunityOf(c);
        var buildings = DemoData.Buildings;
        var wanted = Saturday10(host.Clock!.GetUtcNow()).AddDays(14 + (c % 7));
        var placed = new System.Collections.Concurrent.ConcurrentBag<PlaceOrderResponse>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (k, _) =>
        {
            var building = buildings[(k + c) % buildings.Length];
            var form = new PlaceOrderRequest(
                "Service", Categories[(k * 7 + c) % Categories.Length].ToString(), id, building.GridId, building.BuildingId, null, false, wanted,
                "张阿姨", "13812345678", building.NameZh + " 302 室", "开放订单");
            placed.Add(await host.CallAsync<PlaceOrderResponse>(HttpMethod.Post, Routes.Orders, null, form));
        });
        await host.RunLoopsAsync();
        var offered = (await host.Services.GetRequiredService<OrderIndex>().ListOpenAsync(id, OrderStatus.Offered))
            .Where(o => o.OfferedTo is not null)
            .ToList();
        NotAccepted += placed.Count(p => p.Status != OrderStatus.Offered);
        await Parallel.ForEachAsync(offered, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (o, _) =>
        {
            var member = host.Links.MemberToken(o.OfferedTo!, id);
            var view = await host.CallAsync<MemberOrderView>(
                HttpMethod.Post, Routes.Accept.Replace("{orderId}", o.OrderId, StringComparison.Ordinal), member);
            if (view.Status != OrderStatus.Accepted)
            {
                throw new CycleFailedException($"open order {o.OrderId} is {view.Status} after {o.OfferedTo} accepted");
            }
        });
        Accepted += offered.Count;
    }

    /// <summary>Member <paramref name="i"/> of community <paramref name="c"/>, varied as the demo's: two or four skills,
    /// a third free any time, the rest on evenings and weekends; a unique mobile number.</summary>
    private static Member Generate(int c, int i)
    {
        var id = CommunityOf(c);
        var building = DemoData.Buildings[(i * 7) % DemoData.Buildings.Length];
        var skills = ImmutableHashSet.Create(Categories[i % Categories.Length], Categories[(i * 3 + 1) % Categories.Length]);
        if (i % 5 == 0)
        {
            skills = skills.Add(ServiceCategory.Visit).Add(ServiceCategory.Errand);
        }

        var availability = i % 3 == 0
            ? Availability.AnyTime
            : new Availability([
                .. Enumerable.Range(1, 5).Select(d => new WeeklySlot((DayOfWeek)d, 18, 21)),
                new WeeklySlot(DayOfWeek.Saturday, 8, 20),
                new WeeklySlot(DayOfWeek.Sunday, 8, 20),
            ]);
        return new Member($"w{i:D5}", $"成员{c}-{i}", $"13{c:D3}{i:D6}", new Location(id, building.GridId, building.BuildingId), skills, availability);
    }

    /// <summary>The next Saturday 10:00 China time after <paramref name="now"/>: weekend members are free then.</summary>
    private static DateTimeOffset Saturday10(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        var days = ((int)DayOfWeek.Saturday - (int)local.DayOfWeek + 7) % 7;
        return new DateTimeOffset(local.Date.AddDays(days == 0 ? 7 : days).AddHours(10), TimeSpan.FromHours(8));
    }
}
