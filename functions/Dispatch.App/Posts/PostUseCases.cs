using Dispatch.App.SignedLinks;
using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Members;
using Dispatch.Core.Posts;
using Dispatch.Core.Time;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Posts;

/// <summary>Volunteer posts (志愿服务岗位), as both hosts serve them: organizers create them and record shifts,
/// members claim a place. Each method checks the caller's link, validates, calls the stores and answers.</summary>
public sealed class PostUseCases(Access access, PostStore posts, MemberStore members, ServiceRecordStore records, TimeProvider clock)
{
    public async Task<IResult> CreateAsync(HttpContext http, CreatePostRequest? body, CancellationToken ct)
    {
        var token = Organizer(http);
        var post = PostForm.Validate(body, "p" + Guid.NewGuid().ToString("N")[..12], token.Scope, token.Subject, clock.GetUtcNow());
        await posts.CreateAsync(post, ct);
        return Results.Created($"{PostRoutes.Posts}/{post.PostId}", View(new PostSummary(post, 0, new HashSet<string>()), null));
    }

    public async Task<IResult> ListAsync(HttpContext http, CancellationToken ct)
    {
        var token = access.Read(http);
        string? memberId = null;
        if (token.Role == TokenRole.Organizer)
        {
            access.Organizer(http, token.Scope);
        }
        else
        {
            memberId = (await MemberAsync(http, ct)).MemberId;
        }

        var list = await posts.ListAsync(token.Scope, ct);
        return Results.Ok(list.Select(p => View(p, memberId)));
    }

    /// <summary>Takes a place, then credits the claim to the member's tally. A repeated claim answers
    /// already-claimed but first re-credits (idempotent), which completes a claim a crash cut in half.</summary>
    public async Task<IResult> ClaimAsync(HttpContext http, string postId, CancellationToken ct)
    {
        var member = await MemberAsync(http, ct);
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

    public async Task<IResult> ShiftAsync(HttpContext http, string postId, ShiftRequest? body, CancellationToken ct)
    {
        var token = Organizer(http);
        if (!Ids.IsValid(body?.MemberId?.Trim()))
        {
            throw Ids.Invalid("memberId");
        }

        var post = await PostAsync(token.Scope, postId, ct);
        var member = await members.GetAsync(token.Scope, body!.MemberId!.Trim(), ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
        if (await posts.GetClaimAsync(post, member.MemberId, ct) is null)
        {
            throw new ApiProblemException(PostProblems.NotClaimed(post.PostId, member.MemberId));
        }

        var record = PostShift.Record(post, member, body, clock.GetUtcNow());
        var credited = await records.AddAsync(record, ct);
        var response = new ShiftResponse(record.RecordId, member.MemberId, record.ServedOn, record.Hours, credited);
        return credited ? Results.Created(PostRoutes.ShiftsOf(post.PostId), response) : Results.Ok(response);
    }

    private AccessToken Organizer(HttpContext http) => access.Organizer(http, access.Read(http).Scope);

    private async Task<Member> MemberAsync(HttpContext http, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        return await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
    }

    private async Task<Post> PostAsync(string communityId, string postId, CancellationToken ct) =>
        await posts.GetAsync(communityId, postId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("post"));

    private static PostView View(PostSummary s, string? memberId) => new(
        s.Post.PostId, s.Post.TitleZh, s.Post.Description, s.Post.Category.ToString(), s.Post.Capacity, s.Taken,
        s.Post.StartsOn, s.Post.EndsOn, s.Post.QuotaYear, memberId is null ? null : s.MemberIds.Contains(memberId),
        memberId is null ? [.. s.MemberIds.Order(StringComparer.Ordinal)] : null); // who claimed: organizers only
}
