using System.Globalization;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Time;

namespace Dispatch.Core.Posts;

/// <summary>A shift on a post, recorded by an organizer, becomes a service record like any other.</summary>
public static class PostShift
{
    /// <summary>One record per member, post and day, so recording the same shift twice credits it once.</summary>
    public static string RecordId(string postId, string memberId, DateOnly date) =>
        $"{postId}~{memberId}~{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>The record of a shift the member served on <paramref name="date"/> (China date, inside the
    /// post's period, not in the future). Location is the member's home: a post has no resident's
    /// building, and the record keeps where the member stood when serving.</summary>
    /// <exception cref="ApiProblemException">Validation of date or hours.</exception>
    public static ServiceRecord Record(Post post, Member member, ShiftRequest? shift, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(member);
        var errors = new Dictionary<string, string[]>();
        if (shift?.Date is not { } date)
        {
            errors["date"] = ["Required (a China date, yyyy-MM-dd)."];
            date = default;
        }
        else if (!post.Covers(date))
        {
            errors["date"] = [$"Within the post's period, {post.StartsOn:yyyy-MM-dd} to {post.EndsOn:yyyy-MM-dd}."];
        }
        else if (date > ChinaTime.DateOf(now))
        {
            errors["date"] = ["Not in the future."];
        }

        ServiceHours? hours = null;
        try
        {
            hours = ServiceHours.FromHours(shift?.Hours ?? 0);
        }
        catch (HoursOutOfRangeException)
        {
            errors["hours"] = ["Hours must be between 0.5 and 12 in steps of 0.5."];
        }

        if (errors.Count > 0)
        {
            throw PostForm.Invalid(errors);
        }

        return new ServiceRecord(
            RecordId(post.PostId, member.MemberId, date),
            post.PostId,
            member.MemberId,
            member.Home with { CommunityId = post.CommunityId },
            post.Category,
            IsWish: false,
            hours!.Value.HalfHours,
            date,
            now,
            ConfirmedBy.Organizer,
            Rating: null,
            PostId: post.PostId);
    }
}
