using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Dispatch.Core;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;
using Dispatch.Storage;
using static Dispatch.Benchmarks.Tallies.Stats;

namespace Dispatch.Benchmarks.Tallies;

/// <summary>Parts 2 and 3 on Azurite: bulk load (batch transactions per member-year partition), reading a
/// community-year's tallies and rolling them up, the full recompute from the raw record rows, and the
/// incremental path (<see cref="ServiceRecordStore.AddAsync"/>) per record. Loads community by community;
/// after the first community it estimates the full load and, above <c>--budget-minutes</c>, stops at
/// <c>--scaled-members</c> (whole communities) and extrapolates, labelled as such.</summary>
internal sealed class AzuriteTallyBench(TallyOptions options, DistrictYear district, StorageAccount account, StorageMeter meter)
{
    private static readonly PostClaim[] NoClaims = [];
    private readonly MemberStore _members = new(account);
    private readonly ServiceRecordStore _store = new(account);
    private long _entities;
    private long _loadedRecords;
    private long _loadRequests;
    private TimeSpan _loadTime;

    public async Task<int> RunAsync()
    {
        var errors = 0;
        var year = district.Year;
        var perCommunity = district.MembersPerCommunity;
        long fullEntities = district.RecordCount + district.RecordsByMember.Count(r => r.Length > 0);
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"== 2. Table Storage on Azurite (load concurrency {options.LoadConcurrency} batches in flight; p50 of {options.Runs} runs unless said) =="));

        // Probe: the first community, on an empty table.
        await LoadMembersAsync([0]);
        var probe = await LoadRecordsAsync([0]);
        var probeTable = _entities;
        var probeTallies = await TimeAsync(() => _store.TalliesAsync(district.Communities[0], year), options.Runs);
        var probeEntries = await TimeAsync(() => _store.EntriesAsync(district.Communities[0], year), options.Runs);
        var pointA = await RecomputePointAsync(0);
        var probeRate = probe.Entities / probe.Elapsed.TotalSeconds;
        var fullEstimate = fullEntities / probeRate;
        int loadCommunities;
        string why;
        if (options.AzuriteMembers is { } forced)
        {
            loadCommunities = forced / perCommunity;
            why = string.Create(Inv, $"--azurite-members; the full load of {N(fullEntities)} entities was estimated at {Duration(fullEstimate)} at the first community's rate of {N(probeRate)} entities/s");
        }
        else if (fullEntities > options.AzuriteMaxEntities)
        {
            loadCommunities = Math.Max(1, options.ScaledMembers / perCommunity);
            why = string.Create(Inv, $"the full load of {N(fullEntities)} entities (estimated {Duration(fullEstimate)} at the first community's rate of {N(probeRate)} entities/s) "
                                     + $"is above --azurite-max-entities {N(options.AzuriteMaxEntities)}: Azurite 3.35 with on-disk persistence exited (connection refused) part-way through the full load on the 2-core test machine");
        }
        else if (fullEstimate / 60 <= options.BudgetMinutes)
        {
            loadCommunities = district.Communities.Count;
            why = string.Create(Inv, $"the full load is estimated at {Duration(fullEstimate)} ≤ {options.BudgetMinutes} min");
        }
        else
        {
            loadCommunities = Math.Max(1, options.ScaledMembers / perCommunity);
            why = string.Create(Inv, $"the full load ({N(fullEntities)} entities) is estimated at {Duration(fullEstimate)} > {options.BudgetMinutes} min at the first community's rate of {N(probeRate)} entities/s");
        }

        loadCommunities = Math.Clamp(loadCommunities, 1, district.Communities.Count);
        var scaled = loadCommunities < district.Communities.Count;
        var loaded = Enumerable.Range(0, loadCommunities).ToArray();
        var loadedMembers = loadCommunities * perCommunity;
        var loadedRecords = loaded.Sum(c => district.RecordsOf(c).Count());
        Console.WriteLine(string.Create(Inv, $"   SCALE: {(scaled ? "SCALED DOWN to" : "full,")} {loadCommunities} of {district.Communities.Count} communities = {N(loadedMembers)} members, {N(loadedRecords)} records ({why})"));

        var rest = loaded.Skip(1).ToArray();
        var membersWatch = Stopwatch.StartNew();
        var memberRequests = meter.Read().Table;
        await LoadMembersAsync(rest);
        membersWatch.Stop();
        memberRequests = meter.Read().Table - memberRequests;
        if (rest.Length > 0)
        {
            await LoadRecordsAsync(rest);
        }

        Console.WriteLine(string.Create(Inv, $"   load members      MemberStore.UpsertManyAsync, 100-row batches: {N(loadedMembers)} members, {N(loadedMembers / 100.0)} batches "
                                         + $"(last {N(rest.Length * perCommunity)} in {Seconds(membersWatch.Elapsed)} s, {Rate(rest.Length * perCommunity, membersWatch.Elapsed)} members/s)"));
        Console.WriteLine(string.Create(Inv, $"   load records      batch per member-year partition (records + tally row, ≤ 100 rows): {N(_loadedRecords)} records + tally rows = {N(_entities)} entities "
                                         + $"in {Seconds(_loadTime)} s = {Rate(_loadedRecords, _loadTime)} records/s, {Rate(_entities, _loadTime)} entities/s, {N(_loadRequests)} requests "
                                         + $"(first community alone, empty table: {N(probeRate)} entities/s)"));

        if (rest.Length > 0)
        {
            PrintTwoPoints(pointA, probeTable, await RecomputePointAsync(0), loadedRecords - district.RecordsOf(0).Count());
        }

        // Reading a community-year's tallies and rolling them up.
        var readTallies = new List<double>();
        var readRoster = new List<double>();
        var rollUp = new List<double>();
        var tallyRequests = 0L;
        IReadOnlyList<MemberTally>[] stored = new IReadOnlyList<MemberTally>[loadCommunities];
        TallyReport[] fromTallies = new TallyReport[loadCommunities];
        for (var run = 0; run < options.Runs; run++)
        {
            double t = 0, r = 0, u = 0;
            var before = meter.Read().Table;
            foreach (var c in loaded)
            {
                var id = district.Communities[c];
                var watch = Stopwatch.StartNew();
                stored[c] = await _store.TalliesAsync(id, year);
                t += watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var roster = await _members.ListAsync(id);
                r += watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                fromTallies[c] = TallyCalculator.Report(id, year, stored[c].Select(x => (x.MemberId, x.Counts)), roster, PointsRules.Default);
                u += watch.Elapsed.TotalMilliseconds;
            }

            tallyRequests = meter.Read().Table - before;
            readTallies.Add(t);
            readRoster.Add(r);
            rollUp.Add(u);
        }

        var tallyRows = stored.Sum(s => s.Count);
        Console.WriteLine(string.Create(Inv, $"   tallies of all {loadCommunities} loaded communities (TalliesAsync + MemberStore.ListAsync roster + Report roll-ups), one community after another:"));
        Console.WriteLine(string.Create(Inv, $"     TalliesAsync      {Ms(P(readTallies, 50)),8} ms total, {Ms(P(readTallies, 50) / loadCommunities),8} ms per community ({N(tallyRows / (double)loadCommunities)} tally rows), {N(tallyRows / (P(readTallies, 50) / 1000))} rows/s"));
        Console.WriteLine(string.Create(Inv, $"     roster ListAsync  {Ms(P(readRoster, 50)),8} ms total, {Ms(P(readRoster, 50) / loadCommunities),8} ms per community ({N(perCommunity)} member rows)"));
        Console.WriteLine(string.Create(Inv, $"     Report roll-ups   {Ms(P(rollUp, 50)),8} ms total, {Ms(P(rollUp, 50) / loadCommunities),8} ms per community (in process)"));
        Console.WriteLine(string.Create(Inv, $"     storage requests  {N(tallyRequests)} per pass ({tallyRequests / (double)loadCommunities:0.0} per community: 1,000-row pages)"));

        // Full recompute from the raw record rows.
        var entriesMs = new List<double>();
        var recomputeMs = new List<double>();
        var entryRows = 0;
        var recomputeRequests = meter.Read().Table;
        var recompute = loaded.Take(options.RecomputeCommunities ?? (scaled ? loadCommunities : 1)).ToArray();
        foreach (var c in recompute)
        {
            var id = district.Communities[c];
            var watch = Stopwatch.StartNew();
            var entries = await _store.EntriesAsync(id, year);
            entriesMs.Add(watch.Elapsed.TotalMilliseconds);
            entryRows += entries.Records.Count;
            watch.Restart();
            var tallies = TallyCalculator.FromRecords(entries.Records, entries.Claims, year, PointsRules.Default);
            var report = TallyCalculator.Report(id, year, tallies.Select(x => (x.MemberId, x.Counts)), district.RosterOf(c), PointsRules.Default);
            recomputeMs.Add(watch.Elapsed.TotalMilliseconds);
            var byMember = report.Tallies.ToDictionary(x => x.MemberId, StringComparer.Ordinal);
            var mismatches = fromTallies[c].Tallies.Count(x => !byMember.TryGetValue(x.MemberId, out var y) || !Equals(x.Counts, y.Counts));
            if (mismatches > 0 || entries.Records.Count != district.RecordsOf(c).Count())
            {
                Console.WriteLine(string.Create(Inv, $"   ERROR: community {id}: {mismatches} stored tallies differ from the recomputation; {entries.Records.Count} record rows read, {district.RecordsOf(c).Count()} written"));
                errors++;
            }
        }

        recomputeRequests = meter.Read().Table - recomputeRequests;
        Console.WriteLine(string.Create(Inv, $"   full recompute from raw records, {(recompute.Length == loadCommunities ? "ALL " + loadCommunities + " loaded communities" : recompute.Length + " of " + loadCommunities + " loaded communities (--recompute-communities)")} one after another (single run; EntriesAsync reads every record row, then FromRecords + Report):"));
        Console.WriteLine(string.Create(Inv, $"     EntriesAsync      {Ms(entriesMs.Sum()),8} ms total, p50 {Ms(P(entriesMs, 50)),8} ms per community, {N(entryRows)} record rows, {N(entryRows / (entriesMs.Sum() / 1000))} rows/s, {N(recomputeRequests)} requests"));
        Console.WriteLine(string.Create(Inv, $"     FromRecords+Report {Ms(recomputeMs.Sum()),7} ms total, p50 {Ms(P(recomputeMs, 50)),8} ms per community (in process)"));
        Console.WriteLine(string.Create(Inv, $"     check: stored tally rows = recomputation from record rows: {(errors == 0 ? "yes" : "NO")}"));

        // The same reads of the first community with 1 community loaded (probe) and now, for the table-size effect.
        var nowTallies = await TimeAsync(() => _store.TalliesAsync(district.Communities[0], year), options.Runs);
        var nowEntries = await TimeAsync(() => _store.EntriesAsync(district.Communities[0], year), options.Runs);
        Console.WriteLine(string.Create(Inv, $"   community c00 alone vs all stored: TalliesAsync {Ms(probeTallies)} ms with {N(probeTable)} entities stored, {Ms(nowTallies)} ms with {N(_entities)}; "
                                         + $"EntriesAsync {Ms(probeEntries)} ms → {Ms(nowEntries)} ms (each community has its own table, which Azurite filters and sorts whole for every 1,000-row page)"));

        // 3. The incremental path.
        errors += await IncrementalAsync(loadedMembers);

        if (scaled)
        {
            Extrapolate(fullEntities, probeRate, probeTable, probeTallies, nowTallies, probeEntries, nowEntries);
        }

        return errors;
    }

    private async Task<int> IncrementalAsync(int loadedMembers)
    {
        Console.WriteLine();
        var sample = Math.Min(options.Sample, loadedMembers);
        Console.WriteLine(string.Create(Inv, $"== 3. Incremental path: ServiceRecordStore.AddAsync (read tally row + one batch: record row + tally row), {N(sample)} new records on loaded members =="));
        if (sample == 0)
        {
            return 0;
        }

        var random = new Random(options.Seed + 1);
        var members = district.Members.Take(loadedMembers).OrderBy(_ => random.Next()).ToArray();
        var errors = 0;
        var n = 0;

        // Warm-up (not measured): a few adds.
        for (var i = 0; i < Math.Min(20, sample); i++)
        {
            errors += await _store.AddAsync(DistrictYear.NewRecord(random, members[i], district.Year, n++)) ? 0 : 1;
        }

        // Sequential: one add at a time, distinct members.
        var latencies = new List<double>(sample);
        var before = meter.Read().Table;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < sample; i++)
        {
            var record = DistrictYear.NewRecord(random, members[i], district.Year, n++);
            var watch = Stopwatch.StartNew();
            var added = await _store.AddAsync(record);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            errors += added ? 0 : 1;
        }

        total.Stop();
        var requests = meter.Read().Table - before;
        Console.WriteLine(string.Create(Inv, $"   one at a time:   p50 {Ms(P(latencies, 50))} ms, p95 {Ms(P(latencies, 95))} ms, p99 {Ms(P(latencies, 99))} ms, max {Ms(latencies.Max())} ms per record; "
                                         + $"{Rate(sample, total.Elapsed)} records/s; {requests / (double)sample:0.00} storage requests per record"));

        // Concurrent: --sample-concurrency adds in flight, each on a different member-year (Azurite ignores
        // If-Match in batches, so concurrent adds to one member-year could lose a tally update there).
        var records = Enumerable.Range(0, sample).Select(i => DistrictYear.NewRecord(random, members[i], district.Year, n++)).ToArray();
        var concurrent = new double[sample];
        var failed = 0;
        before = meter.Read().Table;
        total.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, sample), new ParallelOptions { MaxDegreeOfParallelism = options.SampleConcurrency }, async (i, ct) =>
        {
            var watch = Stopwatch.StartNew();
            var added = await _store.AddAsync(records[i], ct);
            concurrent[i] = watch.Elapsed.TotalMilliseconds;
            if (!added)
            {
                Interlocked.Increment(ref failed);
            }
        });
        total.Stop();
        requests = meter.Read().Table - before;
        errors += failed;
        Console.WriteLine(string.Create(Inv, $"   {options.SampleConcurrency} in flight:     p50 {Ms(P(concurrent, 50))} ms, p99 {Ms(P(concurrent, 99))} ms per record; "
                                         + $"{Rate(sample, total.Elapsed)} records/s; {requests / (double)sample:0.00} storage requests per record"));

        // The tallies moved by exactly the added records.
        var check = members.Take(Math.Min(50, sample)).ToArray();
        foreach (var m in check)
        {
            var expected = district.RecordsByMember[int.Parse(m.MemberId.AsSpan(1), CultureInfo.InvariantCulture)].Aggregate(TallyCounts.Zero, (t, r) => t.Add(r));
            var mine = await _store.ListForMemberAsync(m.Home.CommunityId, district.Year, m.MemberId);
            expected = mine.Where(r => r.RecordId.StartsWith('x')).Aggregate(expected, (t, r) => t.Add(r));
            var stored = await _store.GetTallyAsync(m.Home.CommunityId, district.Year, m.MemberId);
            if (stored is null || !Equals(stored.Counts, expected))
            {
                errors++;
            }
        }

        Console.WriteLine(string.Create(Inv, $"   check: AddAsync returned true for every new record and the tally rows of {check.Length} members = loaded + added records: {(errors == 0 ? "yes" : "NO, " + errors + " errors")}"));
        return errors;
    }

    /// <summary>One community's full recompute (EntriesAsync over its community-year range, then FromRecords and
    /// Report), p50 of <c>--runs</c> after a warm-up, with its table requests; and the same range query for a year of
    /// the community's with no rows, which costs Azurite one scan of the community's table and nothing else.</summary>
    private async Task<RecomputePoint> RecomputePointAsync(int c)
    {
        var id = district.Communities[c];
        var times = new List<double>();
        var requests = 0L;
        var rows = 0;
        for (var run = 0; run <= options.Runs; run++)
        {
            var before = meter.Read().Table;
            var watch = Stopwatch.StartNew();
            var entries = await _store.EntriesAsync(id, district.Year);
            var tallies = TallyCalculator.FromRecords(entries.Records, entries.Claims, district.Year, PointsRules.Default);
            TallyCalculator.Report(id, district.Year, tallies.Select(x => (x.MemberId, x.Counts)), district.RosterOf(c), PointsRules.Default);
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            requests = meter.Read().Table - before;
            rows = entries.Records.Count;
        }

        var empty = await TimeAsync(() => _store.EntriesAsync(id, district.Year - 1), options.Runs);
        return new RecomputePoint(P(times, 50), times.Min(), times.Max(), requests, rows, empty);
    }

    private void PrintTwoPoints(RecomputePoint a, long entitiesA, RecomputePoint b, long others)
    {
        var id = district.Communities[0];
        var ratio = b.Ms / a.Ms;
        var scanShare = (b.EmptyMs - a.EmptyMs) * b.Requests;
        Console.WriteLine(string.Create(Inv, $"   TWO POINTS: full recompute of {id} (EntriesAsync over its community-year range + FromRecords + Report), p50 of {options.Runs} runs:"));
        Console.WriteLine(string.Create(Inv, $"     (a) only {id}'s records in storage ({N(entitiesA)} entities):          {Ms(a.Ms),8} ms (runs {Ms(a.MinMs)}–{Ms(a.MaxMs)}), {a.Requests} requests, {N(a.Rows)} record rows"));
        Console.WriteLine(string.Create(Inv, $"     (b) + {N(others)} records of other communities ({others / (double)a.Rows:0.0}×, {N(_entities)} entities): {Ms(b.Ms),8} ms (runs {Ms(b.MinMs)}–{Ms(b.MaxMs)}), {b.Requests} requests, {N(b.Rows)} record rows"));
        Console.WriteLine(string.Create(Inv, $"     ratio b/a: time {ratio:0.00} (goal flat, ≤ 1.2: {(ratio <= 1.2 ? "met" : "NOT met")}); requests {(a.Requests == b.Requests ? "equal" : "NOT equal")}, rows read {(a.Rows == b.Rows ? "equal" : "NOT equal")}"));
        Console.WriteLine(string.Create(Inv, $"     the same range query for a year of {id}'s with no rows (1 request, 0 rows): {Ms(a.EmptyMs)} ms → {Ms(b.EmptyMs)} ms: Azurite filters its whole table for every page, "
                                         + $"and each community has its own; × {b.Requests} pages that is ≈ {Ms(scanShare)} ms of (b)'s {Ms(b.Ms - a.Ms)} ms more; without it b/a ≈ {(b.Ms - scanShare) / a.Ms:0.00}"));
    }

    private sealed record RecomputePoint(double Ms, double MinMs, double MaxMs, long Requests, int Rows, double EmptyMs);

    private void Extrapolate(long fullEntities, double probeRate, long probeTable, double probeTallies, double nowTallies, double probeEntries, double nowEntries)
    {
        var communities = district.Communities.Count;
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv, $"== EXTRAPOLATION to the full district-year on Azurite ({N(district.Members.Length)} members, {N(district.RecordCount)} records, {N(fullEntities)} entities): NOT MEASURED =="));
        var loadRate = _entities / _loadTime.TotalSeconds;
        Console.WriteLine(string.Create(Inv, $"   load: {N(fullEntities)} entities at the measured {N(loadRate)} entities/s ≈ {Duration(fullEntities / loadRate)} (first community alone: {N(probeRate)} entities/s; Azurite slows as its table grows, so read this as a lower bound)"));

        // Azurite filters a whole table for every page, and each community has its own, so c00's read should not
        // grow with the others'; fit a line through its two measured points anyway, so that growth would show.
        double Fit(double atProbe, double atNow) =>
            _entities == probeTable ? atNow : Math.Max(atNow, atProbe + ((atNow - atProbe) * (fullEntities - probeTable) / (_entities - probeTable)));
        var tallies = Fit(probeTallies, nowTallies);
        var entries = Fit(probeEntries, nowEntries);
        Console.WriteLine(string.Create(Inv, $"   TalliesAsync: ≈ {Ms(tallies)} ms per community (line through c00's two measured points, {N(probeTable)} and {N(_entities)} entities in the table), × {communities} communities ≈ {Duration(tallies * communities / 1000)}"));
        Console.WriteLine(string.Create(Inv, $"   EntriesAsync (full recompute read): ≈ {Duration(entries / 1000)} per community, × {communities} ≈ {Duration(entries * communities / 1000)}"));
    }

    private async Task LoadMembersAsync(int[] communities)
    {
        var chunks = communities.SelectMany(c => district.RosterOf(c).Chunk(MemberStore.BatchSize));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = options.LoadConcurrency }, async (chunk, ct) =>
            await _members.UpsertManyAsync(chunk, ct));
    }

    private async Task<(long Entities, TimeSpan Elapsed)> LoadRecordsAsync(int[] communities)
    {
        var entities = 0L;
        var records = 0L;
        var before = meter.Read().Table;
        var watch = Stopwatch.StartNew();
        var tables = new Dictionary<int, TableClient>();
        foreach (var c in communities)
        {
            tables[c] = await _store.CreatedTableAsync(district.Communities[c]);
        }

        var batches = communities.SelectMany(c => Enumerable.Range(c * district.MembersPerCommunity, district.MembersPerCommunity)
                .Where(i => district.RecordsByMember[i].Length > 0)
                .SelectMany(i => BatchesOf(district.RecordsByMember[i]))
                .Select(batch => (Table: tables[c], Batch: batch)));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.LoadConcurrency }, async (load, ct) =>
        {
            var (table, batch) = load;
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), ct);
            Interlocked.Add(ref entities, batch.Length);
            Interlocked.Add(ref records, batch.Count(e => e.RowKey != ServiceRecordStore.TallyRow));
        });
        watch.Stop();
        _entities += entities;
        _loadedRecords += records;
        _loadTime += watch.Elapsed;
        _loadRequests += meter.Read().Table - before;
        return (entities, watch.Elapsed);
    }

    /// <summary>The rows of one member-year partition, as ServiceRecordStore writes them, in batches of ≤ 100
    /// (the tally row in the last batch).</summary>
    private static IEnumerable<TableEntity[]> BatchesOf(ServiceRecord[] records) =>
        ServiceRecordStore.MemberYearRows(records).Chunk(100);

    /// <summary>p50 in ms of <paramref name="runs"/> calls.</summary>
    private static async Task<double> TimeAsync<T>(Func<Task<T>> work, int runs)
    {
        await work(); // warm-up, not measured
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return P(times, 50);
    }
}
