using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Assessment;
using Dispatch.Core.Tallies;

namespace Dispatch.Storage;

/// <summary>The <c>assessments</c> table: frozen years, written with Add only and never changed.
/// PK = "{communityId}|{year:D4}". Rows "t|{snapshotId}|{memberId}" hold each member's frozen
/// <see cref="AnnualTally"/> (with the grid and building they were counted in) and the keys of the entries
/// it holds; the row "snapshot" (SnapshotId, FrozenAt, Rules) is added last and names the winning
/// snapshot. Two freezes racing both write their member rows under their own snapshot id; only one adds
/// "snapshot", the other deletes its rows and returns the winner. A crash before "snapshot" leaves rows
/// nobody reads. Roll-ups are recomputed from the frozen tallies on read: same input, same answer.</summary>
public sealed class AssessmentStore(StorageAccount account)
{
    public const string TableName = "assessments";
    public const string SnapshotRow = "snapshot";

    private readonly FeatureTable _table = new(account, TableName);

    public static string PartitionOf(string communityId, int year) => $"{Keys.Id(communityId, nameof(communityId))}|{year:D4}";

    /// <summary>Stores the snapshot unless the year is frozen already. Returns the stored one — this one
    /// (Created) or the earlier one (nothing written).</summary>
    public async Task<(AssessmentSnapshot.Frozen Frozen, bool Created)> SaveAsync(AssessmentSnapshot.Frozen frozen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        var s = frozen.Snapshot;
        if (await GetAsync(s.CommunityId, s.Year, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return (earlier, false);
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var pk = PartitionOf(s.CommunityId, s.Year);
        var rows = s.Tallies.Select(t => new TableEntity(pk, MemberRow(s.SnapshotId, t.MemberId))
        {
            ["Tally"] = Json.Write(t),
            ["Entries"] = Json.Write(frozen.EntryKeys.GetValueOrDefault(t.MemberId) ?? []),
        }).ToList();
        foreach (var chunk in rows.Chunk(MemberStore.BatchSize))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await table.AddEntityAsync(new TableEntity(pk, SnapshotRow)
            {
                ["SnapshotId"] = s.SnapshotId,
                ["FrozenAt"] = s.FrozenAt,
                ["Rules"] = Json.Write(s.Rules),
                ["Members"] = s.Tallies.Count,
            }, cancellationToken).ConfigureAwait(false);
            return (frozen, true);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            foreach (var row in rows)
            {
                await Projection.DeleteIfExistsAsync(table, row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
            }

            var winner = await GetAsync(s.CommunityId, s.Year, cancellationToken).ConfigureAwait(false);
            return (winner ?? throw new ConcurrencyConflictException($"Snapshot {pk} vanished."), false);
        }
    }

    /// <summary>The frozen year with the entry keys it holds, or null if the year is not frozen.</summary>
    public async Task<AssessmentSnapshot.Frozen?> GetAsync(string communityId, int year, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var pk = PartitionOf(communityId, year);
        var head = await table.GetEntityIfExistsAsync<TableEntity>(pk, SnapshotRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.HasValue || head.Value is not { } h)
        {
            return null;
        }

        var snapshotId = h.GetString("SnapshotId") ?? throw new InvalidDataException("SnapshotId is missing.");
        var from = $"t|{snapshotId}|";
        var tallies = new List<AnnualTally>();
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {Keys.PrefixEnd(from)}"),
                           cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var tally = Json.Read<AnnualTally>(e.GetString("Tally"), "Tally");
            tallies.Add(tally);
            keys[tally.MemberId] = Json.Read<string[]>(e.GetString("Entries"), "Entries");
        }

        var ordered = tallies.OrderBy(t => t.MemberId, StringComparer.Ordinal).ToList();
        return new AssessmentSnapshot.Frozen(
            new AssessmentSnapshot(
                snapshotId,
                communityId,
                year,
                h.GetDateTimeOffset("FrozenAt") ?? throw new InvalidDataException("FrozenAt is missing."),
                Json.Read<PointsRules>(h.GetString("Rules"), "Rules"),
                ordered,
                TallyCalculator.RollUps(communityId, ordered)),
            keys);
    }

    /// <summary>The latest frozen year of the community, or null: a partition-key range query over the
    /// community's years, filtered to the "snapshot" rows.</summary>
    public async Task<int?> LastFrozenYearAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var from = $"{Keys.Id(communityId, nameof(communityId))}|";
        int? last = null;
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {Keys.PrefixEnd(from)} and RowKey eq {SnapshotRow}"),
                           select: ["PartitionKey", "SnapshotId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var year = int.Parse(e.PartitionKey[from.Length..], CultureInfo.InvariantCulture);
            last = last is { } l && l > year ? l : year;
        }

        return last;
    }

    /// <summary>The frozen year and the entries of that year it does not hold (late corrections), or null.</summary>
    public async Task<AssessmentView?> ViewAsync(string communityId, int year, ServiceRecordStore records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (await GetAsync(communityId, year, cancellationToken).ConfigureAwait(false) is not { } frozen)
        {
            return null;
        }

        var entries = await records.EntriesAsync(communityId, year, cancellationToken).ConfigureAwait(false);
        return new AssessmentView(frozen.Snapshot, LateCorrections.Find(frozen.EntryKeys, entries.Records, entries.Claims));
    }

    private static string MemberRow(string snapshotId, string memberId) => $"t|{snapshotId}|{Keys.Id(memberId, nameof(memberId))}";
}
