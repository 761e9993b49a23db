using Dispatch.App.Posts;
using Dispatch.Core.Api;

namespace Dispatch.Local.Posts;

/// <summary>Volunteer posts (志愿服务岗位) on the local host: binding only; the rules are the shared
/// <see cref="PostUseCases"/>.</summary>
public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPosts(this IEndpointRouteBuilder app)
    {
        app.MapPost(PostRoutes.Posts, (CreatePostRequest? body, HttpContext http, PostUseCases posts, CancellationToken ct) => posts.CreateAsync(http, body, ct));
        app.MapGet(PostRoutes.Posts, (HttpContext http, PostUseCases posts, CancellationToken ct) => posts.ListAsync(http, ct));
        app.MapPost(PostRoutes.Claim, (string postId, HttpContext http, PostUseCases posts, CancellationToken ct) => posts.ClaimAsync(http, postId, ct));
        app.MapPost(PostRoutes.Shifts, (string postId, ShiftRequest? body, HttpContext http, PostUseCases posts, CancellationToken ct) =>
            posts.ShiftAsync(http, postId, body, ct));
        return app;
    }
}
