using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Hours;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Posts;

/// <summary>Volunteer posts (志愿服务岗位), as both hosts serve them: organizers create them and record shifts,
/// members claim a place. Posts are the community's, so creating one and recording shifts take a community organizer's
/// link. Each method takes the caller's verified link (<see cref="CommunityOrganizerLink"/>,
/// <see cref="MemberLink"/>, or <see cref="CallerLink"/> where either may ask), validates, calls the stores and answers.</summary>
public sealed class PostUseCases(PostStore posts, MemberStore members, ServiceRecordStore records, TimeProvider clock)
{
    public async Task<IResult> CreateAsync(CommunityOrganizerLink organizer, CreatePostRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        var post = PostForm.Validate(body, "p" + Guid.NewGuid().ToString("N")[..12], organizer.CommunityId, organizer.OrganizerId, clock.GetUtcNow());
        await posts.CreateAsync(post, ct);
        return Results.Created($"{PostRoutes.Posts}/{post.PostId}", View(new PostSummary(post, 0, new HashSet<string>()), null));
    }

    /// <summary>Organizers see who claimed; a member sees whether they did, and their shifts on the posts they claimed.</summary>
    public async Task<IResult> ListAsync(CallerLink caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var memberId = caller.Role == TokenRole.Organizer ? null : (await MemberAsync(caller.Member(), ct)).MemberId;
        var list = await posts.ListAsync(caller.Token.Scope, ct);
        if (memberId is null)
        {
            return Results.Ok(list.Select(p => View(p, null)));
        }

        var shifts = await ShiftsAsync(caller.Token.Scope, memberId, [.. list.Where(p => p.MemberIds.Contains(memberId)).Select(p => p.Post)], ct);
        return Results.Ok(list.Select(p => View(p, memberId) with { MyShifts = p.MemberIds.Contains(memberId) ? [.. shifts[p.Post.PostId]] : null }));
    }

    /// <summary>The member's shift records on these posts, from the member-years the posts span (one partition
    /// read each), summed per date so a correction shows as the corrected hours.</summary>
    private async Task<ILookup<string, MyShiftView>> ShiftsAsync(string communityId, string memberId, IReadOnlyList<Post> claimed, CancellationToken ct)
    {
        var years = claimed.SelectMany(p => Enumerable.Range(p.StartsOn.Year, p.EndsOn.Year - p.StartsOn.Year + 1)).Distinct();
        var found = new List<ServiceRecord>();
        foreach (var year in years)
        {
            found.AddRange(await records.ListForMemberAsync(communityId, year, memberId, ct));
        }

        var ids = claimed.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
        return found.Where(r => r.PostId is { } id && ids.Contains(id))
            .GroupBy(r => (PostId: r.PostId!, r.ServedOn))
            .Select(g => (g.Key.PostId, Shift: new MyShiftView(g.Key.ServedOn, g.Sum(r => r.HalfHours) / 2m)))
            .Where(x => x.Shift.Hours > 0)
            .OrderBy(x => x.Shift.Date)
            .ToLookup(x => x.PostId, x => x.Shift, StringComparer.Ordinal);
    }

    /// <summary>Takes a place, then credits the claim to the member's tally. A repeated claim answers
    /// already-claimed but first re-credits (idempotent), which completes a claim a crash cut in half.</summary>
    public async Task<IResult> ClaimAsync(MemberLink link, string postId, CancellationToken ct)
    {
        var member = await MemberAsync(link, ct);
        if (!member.Active)
        {
            throw new ApiProblemException(PostProblems.Inactive(member.MemberId));
        }

        var post = await PostAsync(member.Home.CommunityId, postId, ct);
        var now = clock.GetUtcNow();
        if (ChinaTime.DateOf(now) > post.EndsOn)
        {
            throw new ApiProblemException(PostProblems.Ended(post));
        }

        var outcome = await posts.ClaimAsync(post, member.MemberId, now, ct);
        if (outcome.Claim is { } claim)
        {
            await records.AddPostClaimAsync(claim, ct);
        }

        return outcome.Status switch
        {
            ClaimStatus.Claimed => Results.Created(
                PostRoutes.ClaimOf(post.PostId),
                new PostClaimResponse(post.PostId, member.MemberId, outcome.Claim!.Place, outcome.Claim.Year, outcome.Claim.ClaimedAt)),
            ClaimStatus.AlreadyClaimed => throw new ApiProblemException(PostProblems.AlreadyClaimed(post.PostId)),
            _ => throw new ApiProblemException(PostProblems.Full(post)),
        };
    }

    public async Task<IResult> ShiftAsync(CommunityOrganizerLink organizer, string postId, ShiftRequest? body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        if (!Ids.IsValid(body?.MemberId?.Trim()))
        {
            throw Ids.Invalid("memberId");
        }

        var post = await PostAsync(organizer.CommunityId, postId, ct);
        var member = await members.GetAsync(organizer.CommunityId, body!.MemberId!.Trim(), ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        if (await posts.GetClaimAsync(post, member.MemberId, ct) is null)
        {
            throw new ApiProblemException(PostProblems.NotClaimed(post.PostId, member.MemberId));
        }

        var record = PostShift.Record(post, member, body, clock.GetUtcNow());
        var credited = await records.AddAsync(record, ct);
        var response = new ShiftResponse(record.RecordId, member.MemberId, record.ServedOn, record.Hours, credited);
        return credited ? Results.Created(PostRoutes.ShiftsOf(post.PostId), response) : Results.Ok(response);
    }

    private async Task<Member> MemberAsync(MemberLink link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(link);
        return await members.GetAsync(link.CommunityId, link.MemberId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
    }

    private async Task<Post> PostAsync(string communityId, string postId, CancellationToken ct) =>
        await posts.GetAsync(communityId, postId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("post"));

    private static PostView View(PostSummary s, string? memberId) => new(
        s.Post.PostId, s.Post.TitleZh, s.Post.Description, s.Post.Category.ToString(), s.Post.Capacity, s.Taken,
        s.Post.StartsOn, s.Post.EndsOn, s.Post.QuotaYear, memberId is null ? null : s.MemberIds.Contains(memberId),
        memberId is null ? [.. s.MemberIds.Order(StringComparer.Ordinal)] : null); // who claimed: organizers only
}
