using Dispatch.App.SignedLinks;
using Dispatch.App.Posts;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Volunteer posts: the shared <see cref="PostUseCases"/>, as in the local host. Routes are
/// <see cref="PostRoutes"/> without "/api/" (a test compares every function with <see cref="ApiContract"/>).
/// Anonymous at the Functions level: the organizer's or member's signed link is the rule, as on the local host.</summary>
public sealed class PostFunctions(PostUseCases posts, Access access, ILogger<PostFunctions> logger)
{
    [Function("CreatePost")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "posts")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
        var body = await HttpApi.ReadBodyAsync<CreatePostRequest>(req, ct);
        return await posts.CreateAsync(CommunityOrganizerLink.From(req, access), body, ct);
    });

    [Function("ListPosts")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "posts")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => posts.ListAsync(CallerLink.From(req, access), ct));

    [Function("ClaimPost")]
    public Task<IActionResult> ClaimAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "posts/{postId}/claim")] HttpRequest req,
        string postId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
    {
        var id = HttpApi.Route(nameof(postId), postId);
        return posts.ClaimAsync(MemberLink.From(req, access), id, ct);
    });

    [Function("RecordShift")]
    public Task<IActionResult> ShiftAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "posts/{postId}/shifts")] HttpRequest req,
        string postId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
        var id = HttpApi.Route(nameof(postId), postId);
        var body = await HttpApi.ReadBodyAsync<ShiftRequest>(req, ct);
        return await posts.ShiftAsync(CommunityOrganizerLink.From(req, access), id, body, ct);
    });
}
