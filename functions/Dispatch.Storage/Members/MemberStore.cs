using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Members;
using Dispatch.Core.Privacy;

namespace Dispatch.Storage;

/// <summary>What an add came to: the member added, or the member who already has that phone (nothing changed).</summary>
public sealed record MemberAdd(bool Added, Member Member);

/// <summary>The <c>members</c> table: partition = community id (a member reports to one community),
/// row = member id. Skills and linked households are comma-separated, availability slots are JSON.
/// Beside each member with a mobile number, a row "~phone|{phone}" names the member holding it, written in the same
/// transaction: a phone is one member's per community, even under racing adds. Every write also stamps the row
/// "~version" with a new value in the same transaction, so a cached roster is checked with one point read
/// (<see cref="GetVersionAsync"/>). Lists skip the "~" rows. <paramref name="writes"/>, when given, hears of every
/// write this store makes (<see cref="RosterWrites"/>).</summary>
public sealed class MemberStore(StorageAccount account, RosterWrites? writes = null)
{
    public const int BatchSize = 100;

    public const string PhoneRowPrefix = "~phone|";

    public const string VersionRow = "~version";

    private readonly TableClient _table = account.Table(TableNames.Members);

    /// <summary>Writes the member as given (and claims its phone). A changed phone's old row is left; it is
    /// recognised as stale later, since it names a member who no longer has that phone.</summary>
    public async Task UpsertAsync(Member member, CancellationToken cancellationToken = default)
    {
        await SubmitStampedAsync(WithPhone(ToEntity(member)).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a new member unless the phone is another's in the community: then the answer names that
    /// member and nothing changes. Adding the same member twice answers the first one.</summary>
    public async Task<MemberAdd> AddAsync(Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var rows = WithPhone(ToEntity(member)).ToList();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await SubmitStampedAsync(rows.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
                return new MemberAdd(true, member);
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
                if (await FindByPhoneAsync(member.Home.CommunityId, member.Phone, cancellationToken).ConfigureAwait(false) is { } holder)
                {
                    return new MemberAdd(false, holder);
                }

                if (await GetAsync(member.Home.CommunityId, member.MemberId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    throw new ConcurrencyConflictException($"Member id {member.MemberId} is taken.", e);
                }

                await DeleteStalePhoneAsync(member.Home.CommunityId, member.Phone, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new ConcurrencyConflictException($"Member {member.MemberId}: the phone kept changing hands.");
    }

    /// <summary>Adds new members of one community in transactions of 49 (each with its phone row, and the version): an import's
    /// way. A transaction that runs into a phone or id already taken is done again one member at a time
    /// (<see cref="AddAsync"/>), so only the members whose phone is free are added. Answers how many were added.</summary>
    public async Task<int> AddManyAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        var added = 0;
        foreach (var chunk in members.Chunk((BatchSize - 1) / 2))
        {
            try
            {
                await SubmitStampedAsync(chunk.SelectMany(m => WithPhone(ToEntity(m))).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)),
                    cancellationToken).ConfigureAwait(false);
                added += chunk.Length;
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
                foreach (var member in chunk)
                {
                    added += (await AddAsync(member, cancellationToken).ConfigureAwait(false)).Added ? 1 : 0;
                }
            }
        }

        return added;
    }

    /// <summary>Replaces a member's row; a new phone is claimed and the old one released in the same transaction.
    /// Answers the member who holds the new phone instead when it is another's (nothing changed), else null.</summary>
    /// <exception cref="ConcurrencyConflictException">The member changed meanwhile, or is gone.</exception>
    public async Task<Member?> ReplaceAsync(Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var community = member.Home.CommunityId;
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(community, Keys.Id(member.MemberId, nameof(member.MemberId)), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!current.HasValue || current.Value is not { } row)
        {
            throw new ConcurrencyConflictException($"Member {member.MemberId} is gone.");
        }

        var entity = ToEntity(member);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, entity, row.ETag) };
        var oldPhone = row.GetString("Phone");
        if (oldPhone != member.Phone)
        {
            if (await FindByPhoneAsync(community, member.Phone, cancellationToken).ConfigureAwait(false) is { } holder && holder.MemberId != member.MemberId)
            {
                return holder;
            }

            await DeleteStalePhoneAsync(community, member.Phone, cancellationToken).ConfigureAwait(false);
            actions.AddRange(WithPhone(entity).Skip(1).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
            if (Phone.IsMobile(oldPhone) && await PhoneHolderIdAsync(community, oldPhone!, cancellationToken).ConfigureAwait(false) == member.MemberId)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(community, PhoneRowPrefix + oldPhone), ETag.All));
            }
        }

        try
        {
            await SubmitStampedAsync(actions, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed())
        {
            throw new ConcurrencyConflictException($"Member {member.MemberId} changed meanwhile.", e);
        }
    }

    /// <summary>The member of the community who has this mobile number, or null.</summary>
    public async Task<Member?> FindByPhoneAsync(string communityId, string? phone, CancellationToken cancellationToken = default)
    {
        if (!Phone.IsMobile(phone) || await PhoneHolderIdAsync(communityId, phone!, cancellationToken).ConfigureAwait(false) is not { } memberId)
        {
            return null;
        }

        var member = await GetAsync(communityId, memberId, cancellationToken).ConfigureAwait(false);
        return member?.Phone == phone ? member : null;
    }

    private async Task<string?> PhoneHolderIdAsync(string communityId, string phone, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Keys.Id(communityId, nameof(communityId)), PhoneRowPrefix + phone, ["MemberId"], cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? e.GetString("MemberId") : null;
    }

    /// <summary>Removes a phone row whose member no longer has that phone (or is gone).</summary>
    private async Task DeleteStalePhoneAsync(string communityId, string phone, CancellationToken cancellationToken)
    {
        if (!Phone.IsMobile(phone) || await FindByPhoneAsync(communityId, phone, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(communityId, PhoneRowPrefix + phone, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    /// <summary>The community's roster version: a value that changes with every member write (null before the first
    /// since versions began). One point read.</summary>
    public async Task<string?> GetVersionAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Keys.Id(communityId, nameof(communityId)), VersionRow, ["Version"], cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? e.GetString("Version") : null;
    }

    /// <summary>Submits one community's transaction with a new roster version in it, then tells <see cref="RosterWrites"/>
    /// (even when it failed: a write that timed out may still have landed).</summary>
    private async Task SubmitStampedAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var list = actions.ToList();
        var community = list[0].Entity.PartitionKey;
        list.Add(new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(community, VersionRow) { ["Version"] = Guid.NewGuid().ToString("N") }));
        try
        {
            await _table.SubmitTransactionAsync(list, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writes?.Note(community);
        }
    }

    /// <summary>The member's row, then its phone row when it has a mobile number.</summary>
    private static IEnumerable<TableEntity> WithPhone(TableEntity member)
    {
        yield return member;
        if (member.GetString("Phone") is { } phone && Phone.IsMobile(phone))
        {
            yield return new TableEntity(member.PartitionKey, PhoneRowPrefix + phone) { ["MemberId"] = member.RowKey };
        }
    }

    /// <summary>Upserts many members in transactions of up to 100 rows of one community each (demo data,
    /// benchmarks). Each batch is atomic; batches are not atomic with each other.</summary>
    public async Task UpsertManyAsync(IEnumerable<Member> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        foreach (var community in members.Select(ToEntity).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            // A batch may hold a row key once: the last write of a member wins, as with single upserts.
            var rows = community.GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last())
                .SelectMany(WithPhone).GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last());
            foreach (var chunk in rows.Chunk(BatchSize - 1))
            {
                await SubmitStampedAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<Member?> GetAsync(string communityId, string memberId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        Keys.Id(memberId, nameof(memberId));
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(communityId, memberId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? ToMember(e) : null;
    }

    /// <summary>Every member of the community (one partition scan), ordered by member id.</summary>
    public async Task<IReadOnlyList<Member>> ListAsync(string communityId, CancellationToken cancellationToken = default)
    {
        Keys.Id(communityId, nameof(communityId));
        var list = new List<Member>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {communityId}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!e.RowKey.StartsWith('~'))
            {
                list.Add(ToMember(e));
            }
        }

        return list;
    }

    private static TableEntity ToEntity(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var home = member.Home;
        Keys.Id(home.CommunityId, "Home.CommunityId");
        Keys.Id(member.MemberId, nameof(member.MemberId));
        foreach (var household in member.Households)
        {
            Keys.Id(household, "LinkedHouseholds");
        }

        return new TableEntity(home.CommunityId, member.MemberId)
        {
            ["Name"] = member.Name,
            ["Phone"] = member.Phone,
            ["GridId"] = home.GridId,
            ["BuildingId"] = home.BuildingId,
            ["HouseholdId"] = home.HouseholdId,
            ["Skills"] = string.Join(',', member.Skills.Select(s => s.ToString()).Order(StringComparer.Ordinal)),
            ["Availability"] = Json.Write(member.Availability.Slots.IsDefault ? [] : member.Availability.Slots),
            ["Active"] = member.Active,
            ["LinkedHouseholds"] = member.LinkedHouseholds is null
                ? null
                : string.Join(',', member.LinkedHouseholds.Order(StringComparer.Ordinal)),
        };
    }

    private static Member ToMember(TableEntity e)
    {
        var skills = Split(e.GetString("Skills")).Select(Enum.Parse<ServiceCategory>).ToImmutableHashSet();
        var slots = Json.Read<ImmutableArray<WeeklySlot>>(e.GetString("Availability") ?? "[]", "Availability");
        var households = e.GetString("LinkedHouseholds") is { } h ? Split(h).ToImmutableHashSet() : null;
        return new Member(
            e.RowKey,
            e.GetString("Name") ?? "",
            e.GetString("Phone") ?? "",
            new Location(e.PartitionKey, e.GetString("GridId") ?? "", e.GetString("BuildingId") ?? "", e.GetString("HouseholdId")),
            skills,
            slots.IsDefaultOrEmpty ? Availability.AnyTime : new Availability(slots),
            e.GetBoolean("Active") ?? true,
            households);
    }

    private static IEnumerable<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
