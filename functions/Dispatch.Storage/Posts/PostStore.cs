using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Dispatch.Core.Posts;

namespace Dispatch.Storage;

public enum ClaimStatus
{
    Claimed,
    AlreadyClaimed,
    Full,
}

/// <summary>What a claim came to; <see cref="Claim"/> is the member's claim (new or earlier), null when full.</summary>
public sealed record ClaimOutcome(ClaimStatus Status, PostClaim? Claim);

/// <summary>A post with how many places are taken and by whom.</summary>
public sealed record PostSummary(Post Post, int Taken, IReadOnlySet<string> MemberIds);

/// <summary>The <c>posts</c> table. The post itself: PK = community id, RK = post id (the community's posts
/// are one partition scan). Its places: PK = "{communityId}|{postId}", one row "s{place:D3}" per taken
/// place and one row "m|{memberId}" per claiming member, added together in one transaction. Add fails
/// with 409 on either row, so capacity holds under any concurrency (a place is taken once) and a member
/// claims once; no ETag is needed, so Azurite (which ignores If-Match in batches) enforces it too.</summary>
public sealed class PostStore(StorageAccount account)
{
    public const string TableName = "posts";

    private readonly FeatureTable _table = new(account, TableName);

    public static string PlacesPartition(string communityId, string postId) =>
        $"{Keys.Id(communityId, nameof(communityId))}|{Keys.Id(postId, nameof(postId))}";

    public static string PlaceRow(int place) => "s" + place.ToString("D3", CultureInfo.InvariantCulture);

    public static string MemberRow(string memberId) => $"m|{Keys.Id(memberId, nameof(memberId))}";

    /// <summary>Adds the post; false if a post with that id exists (nothing changed).</summary>
    public async Task<bool> CreateAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Keys.Id(post.CommunityId, "CommunityId"), Keys.Id(post.PostId, "PostId"))
        {
            ["TitleZh"] = post.TitleZh,
            ["Capacity"] = post.Capacity,
            ["StartsOn"] = post.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["EndsOn"] = post.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Json"] = Json.Write(post),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return false;
        }
    }

    public async Task<Post?> GetAsync(string communityId, string postId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            Keys.Id(communityId, nameof(communityId)), Keys.Id(postId, nameof(postId)), ["Json"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? Json.Read<Post>(e.GetString("Json"), "Json") : null;
    }

    /// <summary>The community's posts with their taken places, ordered by start date then id: one scan of
    /// the community's post partition and one partition-key range query over its places partitions.</summary>
    public async Task<IReadOnlyList<PostSummary>> ListAsync(string communityId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        Keys.Id(communityId, nameof(communityId));
        var posts = new List<Post>();
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {communityId}"), select: ["Json"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            posts.Add(Json.Read<Post>(e.GetString("Json"), "Json"));
        }

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var from = communityId + "|";
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {Keys.PrefixEnd(from)}"),
                           select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var postId = e.PartitionKey[from.Length..];
            if (e.RowKey.StartsWith("m|", StringComparison.Ordinal))
            {
                (members.TryGetValue(postId, out var set) ? set : members[postId] = new(StringComparer.Ordinal)).Add(e.RowKey[2..]);
            }
            else
            {
                taken[postId] = taken.GetValueOrDefault(postId) + 1;
            }
        }

        return [.. posts.OrderBy(p => p.StartsOn).ThenBy(p => p.PostId, StringComparer.Ordinal).Select(p => new PostSummary(
            p, taken.GetValueOrDefault(p.PostId), members.TryGetValue(p.PostId, out var m) ? m : new HashSet<string>()))];
    }

    /// <summary>The member's claim of the post, or null.</summary>
    public async Task<PostClaim?> GetClaimAsync(Post post, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            PlacesPartition(post.CommunityId, post.PostId), MemberRow(memberId), ["Json"], cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } e ? Json.Read<PostClaim>(e.GetString("Json"), "Json") : null;
    }

    /// <summary>Takes a free place for the member. Reads the taken places once, then tries free ones,
    /// starting at a place picked by the member id so concurrent claimers spread out; each 409 on a place
    /// means someone else took it (places are never released), so at most capacity tries.</summary>
    public async Task<ClaimOutcome> ClaimAsync(Post post, string memberId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var pk = PlacesPartition(post.CommunityId, post.PostId);
        var memberRow = MemberRow(memberId);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), select: ["RowKey", "Json"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            if (e.RowKey == memberRow)
            {
                return new ClaimOutcome(ClaimStatus.AlreadyClaimed, Json.Read<PostClaim>(e.GetString("Json"), "Json"));
            }

            taken.Add(e.RowKey);
        }

        var start = Keys.Shard(memberId, post.Capacity);
        for (var i = 0; i < post.Capacity; i++)
        {
            var place = ((start + i) % post.Capacity) + 1;
            if (taken.Contains(PlaceRow(place)))
            {
                continue;
            }

            var claim = PostClaim.Of(post, memberId, place, now);
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, PlaceRow(place))
                    {
                        ["MemberId"] = memberId,
                        ["ClaimedAt"] = now,
                    }),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, memberRow)
                    {
                        ["Place"] = place,
                        ["ClaimedAt"] = now,
                        ["Json"] = Json.Write(claim),
                    }),
                ], cancellationToken).ConfigureAwait(false);
                return new ClaimOutcome(ClaimStatus.Claimed, claim);
            }
            catch (RequestFailedException e) when (e.IsConflict())
            {
                // The place or the member row exists; the member row says which.
                if (await GetClaimAsync(post, memberId, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    return new ClaimOutcome(ClaimStatus.AlreadyClaimed, earlier);
                }
            }
        }

        return new ClaimOutcome(ClaimStatus.Full, null);
    }
}
