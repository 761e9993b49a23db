namespace Dispatch.Core.Posts;

/// <summary>A member holds place <see cref="Place"/> (1…capacity) on a post. One claim per member and
/// post; it counts once toward the member's quota in <see cref="Year"/> (the post's start year).</summary>
public sealed record PostClaim(string PostId, string CommunityId, string MemberId, int Place, int Year, DateTimeOffset ClaimedAt)
{
    public static PostClaim Of(Post post, string memberId, int place, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentOutOfRangeException.ThrowIfLessThan(place, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(place, post.Capacity);
        return new PostClaim(post.PostId, post.CommunityId, memberId, place, post.QuotaYear, now);
    }
}
