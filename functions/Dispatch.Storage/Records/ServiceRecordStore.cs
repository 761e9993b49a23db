using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Hours;
using Dispatch.Core.Posts;
using Dispatch.Core.Tallies;

namespace Dispatch.Storage;

/// <summary>A member's running totals for one year (China calendar year of the service date; a post claim
/// in the year its post starts): the stored <c>tally</c> row. <see cref="Counts"/> feeds
/// <see cref="TallyCalculator.Report"/> and <see cref="AnnualTally.Of"/>.</summary>
public sealed record MemberTally(
    string CommunityId,
    int Year,
    string MemberId,
    int HalfHours,
    int Services,
    int Wishes,
    int RatingSum,
    int RatingCount,
    int Posts = 0,
    int FiveStars = 0)
{
    public decimal Hours => HalfHours / 2m;

    public decimal? AverageRating => RatingCount == 0 ? null : (decimal)RatingSum / RatingCount;

    public TallyCounts Counts => new(HalfHours, Services, Wishes, Posts, RatingSum, RatingCount, FiveStars);

    public static MemberTally Of(string communityId, int year, string memberId, TallyCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new(communityId, year, memberId, counts.HalfHours, counts.Services, counts.Wishes, counts.RatingSum, counts.RatingCount, counts.Posts, counts.FiveStars);
    }
}

/// <summary>Every stored entry of a community-year: service records (corrections included) and post claims.</summary>
public sealed record YearEntries(IReadOnlyList<ServiceRecord> Records, IReadOnlyList<PostClaim> Claims);

/// <summary>The service records, one table per community (<see cref="TableOf"/>), so reading one community's year
/// never scans another's rows, whatever the store does with a partition range. Partition =
/// "{communityId}|{year}|{memberId}": a member-year, so the record rows ("r|{recordId}"), post claim rows
/// ("p|{postId}") and the running "tally" row can change in one transaction. The tally is the incremental path
/// (<see cref="TallyCounts.Add(ServiceRecord)"/> per entry); <see cref="TallyCalculator.FromRecords"/> over
/// <see cref="EntriesAsync"/> recomputes it. A community's table is created by its first entry; reads of a community
/// with none find nothing (and create nothing).</summary>
public sealed class ServiceRecordStore(StorageAccount account)
{
    public const string TallyRow = "tally";
    public const int AddTries = 10;

    private readonly Lock _gate = new();
    private Task<int>? _moved;

    /// <summary>The base name of the community's table: <see cref="TableNames.Records"/> + 16 hex digits of the
    /// SHA-256 of its id (ids may hold characters a table name cannot).</summary>
    public static string TableOf(string communityId) =>
        TableNames.Records + Keys.Sha256Hex(Keys.Id(communityId, nameof(communityId)))[..16];

    public static string PartitionOf(string communityId, int year, string memberId) =>
        $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}|{Keys.Id(memberId, nameof(memberId))}";

    public static string RecordRow(string recordId) => $"r|{Keys.Id(recordId, nameof(recordId))}";

    public static string ClaimRow(string postId) => $"p|{Keys.Id(postId, nameof(postId))}";

    /// <summary>The community's table, created if missing (for bulk loads; the store's own writes create it).</summary>
    public async Task<TableClient> CreatedTableAsync(string communityId, CancellationToken cancellationToken = default)
    {
        await MovedAsync(cancellationToken).ConfigureAwait(false);
        var table = account.Table(TableOf(communityId));
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }

    /// <summary>Adds the record and its hours to the member-year tally in one transaction. Returns false if
    /// the record id was already recorded: hours are credited once per record id.
    /// The tally update carries If-Match, so two concurrent adds for one member-year cannot both build on the
    /// same tally: the loser re-reads and retries (Azurite 3.35 honours it inside the batch too; a test holds it).</summary>
    public Task<bool> AddAsync(ServiceRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pk = PartitionOf(record.Location.CommunityId, record.ServedOn.Year, record.MemberId);
        return CreditAsync(pk, record.Location.CommunityId, record.ServedOn.Year, record.MemberId, ToEntity(pk, record), c => c.Add(record), cancellationToken);
    }

    /// <summary>Adds the post claim to the member's tally of the post's start year, in one transaction with
    /// the tally row. Returns false if this member's claim of this post was already credited, so a retried
    /// claim (e.g. after a crash between the post's place and this write) completes it exactly once.</summary>
    public Task<bool> AddPostClaimAsync(PostClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var pk = PartitionOf(claim.CommunityId, claim.Year, claim.MemberId);
        var row = new TableEntity(pk, ClaimRow(claim.PostId))
        {
            ["PostId"] = claim.PostId,
            ["MemberId"] = claim.MemberId,
            ["Place"] = claim.Place,
            ["ClaimedAt"] = claim.ClaimedAt,
            ["Json"] = Json.Write(claim),
        };
        return CreditAsync(pk, claim.CommunityId, claim.Year, claim.MemberId, row, c => c.AddClaim(claim), cancellationToken);
    }

    private async Task<bool> CreditAsync(
        string pk, string communityId, int year, string memberId, TableEntity entryRow, Func<TallyCounts, TallyCounts> credit, CancellationToken cancellationToken)
    {
        var table = await TableAsync(communityId, cancellationToken).ConfigureAwait(false);
        var created = false;
        for (var attempt = 0; attempt < AddTries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, TallyRow, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var counts = existing.HasValue && existing.Value is { } t ? ToTally(t).Counts : TallyCounts.Zero;
            var tallyRow = ToEntity(pk, MemberTally.Of(communityId, year, memberId, credit(counts)));
            var tallyAction = existing.HasValue && existing.Value is { } old
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, tallyRow, old.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, tallyRow);
            try
            {
                await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, entryRow), tallyAction],
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.IsTableMissing() && !created)
            {
                // The community's first entry: make its table, then try again (not counted as a try).
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                created = true;
                attempt--;
            }
            catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
            {
                // 409: the entry exists (already credited), or another add created the tally first.
                // 412: another add changed the tally. Which one is told by whether the entry row exists.
                var recorded = await table.GetEntityIfExistsAsync<TableEntity>(pk, entryRow.RowKey, ["Json"], cancellationToken)
                    .ConfigureAwait(false);
                if (recorded.HasValue)
                {
                    return false;
                }
            }
        }

        throw new ConcurrencyConflictException($"Entry {pk}/{entryRow.RowKey}: tally kept changing.");
    }

    /// <summary>Every record and post claim of the community-year, all members: one partition-key range
    /// query (PK ge "{c}|{y}|", lt "{c}|{y}}"), tally rows left out. For recomputation and the freeze.</summary>
    public async Task<YearEntries> EntriesAsync(string communityId, int year, CancellationToken cancellationToken = default)
    {
        var from = $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {Keys.PrefixEnd(from)} and RowKey ne {TallyRow}");
        var records = new List<ServiceRecord>();
        var claims = new List<PostClaim>();
        foreach (var e in await RowsAsync(communityId, filter, ["RowKey", "Json"], cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey.StartsWith("r|", StringComparison.Ordinal))
            {
                records.Add(Json.Read<ServiceRecord>(e.GetString("Json"), "Json"));
            }
            else if (e.RowKey.StartsWith("p|", StringComparison.Ordinal))
            {
                claims.Add(Json.Read<PostClaim>(e.GetString("Json"), "Json"));
            }
        }

        return new YearEntries(records, claims);
    }

    /// <summary>The member's records of the year, in record id order.</summary>
    public async Task<IReadOnlyList<ServiceRecord>> ListForMemberAsync(
        string communityId,
        int year,
        string memberId,
        CancellationToken cancellationToken = default)
    {
        var pk = PartitionOf(communityId, year, memberId);
        var from = "r|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}");
        var rows = await RowsAsync(communityId, filter, ["Json"], cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(e => Json.Read<ServiceRecord>(e.GetString("Json"), "Json"))];
    }

    public async Task<MemberTally?> GetTallyAsync(string communityId, int year, string memberId, CancellationToken cancellationToken = default)
    {
        // A point read answers "no row" for a missing table too (both are 404 to it), as CreditAsync's first read relies on.
        var table = await TableAsync(communityId, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(communityId, year, memberId), TallyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? ToTally(e) : null;
    }

    /// <summary>Every member's tally for the community and year: a partition-key range query
    /// (PK ge "{c}|{y}|" and lt "{c}|{y}}") filtered to the tally rows, ordered by member id.</summary>
    public async Task<IReadOnlyList<MemberTally>> TalliesAsync(string communityId, int year, CancellationToken cancellationToken = default)
    {
        var from = $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}|";
        var to = Keys.PrefixEnd(from);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {TallyRow}");
        var rows = await RowsAsync(communityId, filter, select: null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToTally)];
    }

    /// <summary>The rows of the community's table the filter asks for; none when the community has no table yet.</summary>
    private async Task<List<TableEntity>> RowsAsync(string communityId, string filter, string[]? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var table = await TableAsync(communityId, cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(e);
            }
        }
        catch (RequestFailedException e) when (e.IsTableMissing())
        {
            // No entry of this community yet.
        }

        return rows;
    }

    private async Task<TableClient> TableAsync(string communityId, CancellationToken cancellationToken)
    {
        await MovedAsync(cancellationToken).ConfigureAwait(false);
        return account.Table(TableOf(communityId));
    }

    /// <summary>Before this process first reads or writes a record: the rows of the table every community once
    /// shared, if it is still there, copied to their communities' tables, and that table dropped. Once per process;
    /// a failed pass is tried again by the next call. Hosts start it as they start; it answers the rows this pass
    /// copied or found copied (0 when there was no shared table).</summary>
    public Task<int> MoveSharedTableAsync(CancellationToken cancellationToken = default) => MovedAsync(cancellationToken);

    private Task<int> MovedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_moved is null || _moved.IsFaulted || _moved.IsCanceled)
            {
                _moved = MoveOnceAsync(cancellationToken);
            }

            return _moved;
        }
    }

    /// <summary>Copies only add rows (a row already there is left as it is), and the shared table is dropped only
    /// after a pass has copied all of it: so when instances move at once, none of them serves before every shared
    /// row is in its community's table, and none overwrites a tally another has credited since. It assumes no process of
    /// the build before still writes to the shared table (a row it added behind the pass would go with the table).</summary>
    private async Task<int> MoveOnceAsync(CancellationToken cancellationToken)
    {
        var shared = account.Table(TableNames.Records);
        var created = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        await using var pages = shared.QueryAsync<TableEntity>(cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (RequestFailedException e) when (e.IsTableMissing())
            {
                // Nothing shared: a store that began with a table per community, or another instance moved it all.
                return rows;
            }

            foreach (var partition in pages.Current.Values.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
            {
                var target = account.Table(TableOf(partition.Key.Split('|')[0]));
                if (created.Add(target.Name))
                {
                    await target.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var chunk in partition.Select(row => RowCopy.Of(row, row.PartitionKey)).Chunk(100))
                {
                    await AddMissingAsync(target, chunk, cancellationToken).ConfigureAwait(false);
                    rows += chunk.Length;
                }
            }
        }

        await shared.DeleteAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static async Task AddMissingAsync(TableClient table, TableEntity[] rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Some are there already (an earlier or concurrent pass): add the others one by one.
            foreach (var row in rows)
            {
                try
                {
                    await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException again) when (again.IsConflict())
                {
                }
            }
        }
    }

    /// <summary>The rows of one member-year partition as this store writes them — every record row and
    /// the tally row folded from them — for a bulk import (and the tally benchmark). Duplicate record
    /// ids are credited once, as <see cref="AddAsync"/> does.</summary>
    public static IReadOnlyList<TableEntity> MemberYearRows(IReadOnlyCollection<ServiceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var distinct = records.DistinctBy(r => r.RecordId).ToList();
        var first = distinct.FirstOrDefault() ?? throw new ArgumentException("No records.", nameof(records));
        var pk = PartitionOf(first.Location.CommunityId, first.ServedOn.Year, first.MemberId);
        if (distinct.Any(r => PartitionOf(r.Location.CommunityId, r.ServedOn.Year, r.MemberId) != pk))
        {
            throw new ArgumentException("The records belong to more than one member-year.", nameof(records));
        }

        var counts = distinct.Aggregate(TallyCounts.Zero, (t, r) => t.Add(r));
        var tally = MemberTally.Of(first.Location.CommunityId, first.ServedOn.Year, first.MemberId, counts);
        return [.. distinct.Select(r => ToEntity(pk, r)), ToEntity(pk, tally)];
    }

    private static TableEntity ToEntity(string pk, ServiceRecord r) => new(pk, RecordRow(r.RecordId))
    {
        ["RecordId"] = r.RecordId,
        ["OrderId"] = r.OrderId,
        ["MemberId"] = r.MemberId,
        ["CommunityId"] = r.Location.CommunityId,
        ["GridId"] = r.Location.GridId,
        ["BuildingId"] = r.Location.BuildingId,
        ["Category"] = r.Category.ToString(),
        ["IsWish"] = r.IsWish,
        ["HalfHours"] = r.HalfHours,
        ["ServedOn"] = r.ServedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ConfirmedAt"] = r.ConfirmedAt,
        ["ConfirmedBy"] = r.ConfirmedBy.ToString(),
        ["Rating"] = r.Rating,
        ["CorrectsRecordId"] = r.CorrectsRecordId,
        ["Reason"] = r.Reason,
        ["PostId"] = r.PostId,
        ["Json"] = Json.Write(r),
    };

    private static TableEntity ToEntity(string pk, MemberTally t) => new(pk, TallyRow)
    {
        ["CommunityId"] = t.CommunityId,
        ["Year"] = t.Year,
        ["MemberId"] = t.MemberId,
        ["HalfHours"] = t.HalfHours,
        ["Services"] = t.Services,
        ["Wishes"] = t.Wishes,
        ["RatingSum"] = t.RatingSum,
        ["RatingCount"] = t.RatingCount,
        ["Posts"] = t.Posts,
        ["FiveStars"] = t.FiveStars,
    };

    private static MemberTally ToTally(TableEntity e)
    {
        var parts = e.PartitionKey.Split('|');
        return new MemberTally(
            e.GetString("CommunityId") ?? parts[0],
            e.GetInt32("Year") ?? int.Parse(parts[1], CultureInfo.InvariantCulture),
            e.GetString("MemberId") ?? parts[2],
            e.GetInt32("HalfHours") ?? 0,
            e.GetInt32("Services") ?? 0,
            e.GetInt32("Wishes") ?? 0,
            e.GetInt32("RatingSum") ?? 0,
            e.GetInt32("RatingCount") ?? 0,
            e.GetInt32("Posts") ?? 0,
            e.GetInt32("FiveStars") ?? 0);
    }
}
