using Dispatch.Core.Access;
using Dispatch.Core.Api;
using Dispatch.Core.Posts;
using Dispatch.Core.Time;
using Dispatch.Local.Hosting;
using Dispatch.Storage;

namespace Dispatch.Local.Posts;

/// <summary>Volunteer posts (志愿服务岗位): organizers create them and record shifts, members claim a place.</summary>
public static class PostEndpoints
{
    public static IServiceCollection AddPosts(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PostStore(sp.GetRequiredService<StorageAccount>()));
        return services;
    }

    public static IEndpointRouteBuilder MapPosts(this IEndpointRouteBuilder app)
    {
        app.MapPost(PostRoutes.Posts, CreateAsync);
        app.MapGet(PostRoutes.Posts, ListAsync);
        app.MapPost(PostRoutes.Claim, ClaimAsync);
        app.MapPost(PostRoutes.Shifts, ShiftAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(CreatePostRequest? body, HttpContext http, Access access, PostStore posts, TimeProvider clock, CancellationToken ct)
    {
        var token = Organizer(http, access);
        var post = PostForm.Validate(body, "p" + Guid.NewGuid().ToString("N")[..12], token.Scope, token.Subject, clock.GetUtcNow());
        await posts.CreateAsync(post, ct);
        return Results.Created($"{PostRoutes.Posts}/{post.PostId}", View(new PostSummary(post, 0, new HashSet<string>()), null));
    }

    private static async Task<IResult> ListAsync(HttpContext http, Access access, PostStore posts, MemberStore members, CancellationToken ct)
    {
        var token = access.Read(http);
        string? memberId = null;
        if (token.Role == TokenRole.Organizer)
        {
            access.Organizer(http, token.Scope);
        }
        else
        {
            memberId = (await MemberAsync(http, access, members, ct)).MemberId;
        }

        var list = await posts.ListAsync(token.Scope, ct);
        return Results.Ok(list.Select(p => View(p, memberId)));
    }

    /// <summary>Takes a place, then credits the claim to the member's tally. A repeated claim answers
    /// already-claimed but first re-credits (idempotent), which completes a claim a crash cut in half.</summary>
    private static async Task<IResult> ClaimAsync(
        string postId, HttpContext http, Access access, PostStore posts, MemberStore members, ServiceRecordStore records, TimeProvider clock, CancellationToken ct)
    {
        var member = await MemberAsync(http, access, members, ct);
        if (!member.Active)
        {
            throw new ApiProblemException(PostProblems.Inactive(member.MemberId));
        }

        var post = await PostAsync(posts, member.Home.CommunityId, postId, ct);
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

    private static async Task<IResult> ShiftAsync(
        string postId, ShiftRequest? body, HttpContext http, Access access, PostStore posts, MemberStore members, ServiceRecordStore records,
        TimeProvider clock, CancellationToken ct)
    {
        var token = Organizer(http, access);
        if (!Ids.IsValid(body?.MemberId?.Trim()))
        {
            throw Ids.Invalid("memberId");
        }

        var post = await PostAsync(posts, token.Scope, postId, ct);
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

    private static AccessToken Organizer(HttpContext http, Access access) => access.Organizer(http, access.Read(http).Scope);

    private static async Task<Core.Members.Member> MemberAsync(HttpContext http, Access access, MemberStore members, CancellationToken ct)
    {
        var token = access.MemberOfCommunity(http);
        return await members.GetAsync(token.Scope, token.Subject, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("member"));
    }

    private static async Task<Post> PostAsync(PostStore posts, string communityId, string postId, CancellationToken ct) =>
        await posts.GetAsync(communityId, postId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("post"));

    private static PostView View(PostSummary s, string? memberId) => new(
        s.Post.PostId, s.Post.TitleZh, s.Post.Description, s.Post.Category.ToString(), s.Post.Capacity, s.Taken,
        s.Post.StartsOn, s.Post.EndsOn, s.Post.QuotaYear, memberId is null ? null : s.MemberIds.Contains(memberId),
        memberId is null ? [.. s.MemberIds.Order(StringComparer.Ordinal)] : null); // who claimed: organizers only
}
