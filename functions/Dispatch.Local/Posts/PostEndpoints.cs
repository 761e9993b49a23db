using Dispatch.App.Posts;
using Dispatch.Core.Api;

namespace Dispatch.Local.Posts;

/// <summary>Volunteer posts (志愿服务岗位) on the local host: binding only; the rules are the shared
/// <see cref="PostUseCases"/>. The typed link parameter is each route's rule.</summary>
public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPosts(this IEndpointRouteBuilder app)
    {
        app.MapPost(PostRoutes.Posts, (CreatePostRequest? body, CommunityOrganizerLink organizer, PostUseCases posts, CancellationToken ct) =>
            posts.CreateAsync(organizer, body, ct));
        app.MapGet(PostRoutes.Posts, (CallerLink caller, PostUseCases posts, CancellationToken ct) => posts.ListAsync(caller, ct));
        app.MapPost(PostRoutes.Claim, (string postId, MemberLink member, PostUseCases posts, CancellationToken ct) => posts.ClaimAsync(member, postId, ct));
        app.MapPost(PostRoutes.Shifts, (string postId, ShiftRequest? body, CommunityOrganizerLink organizer, PostUseCases posts, CancellationToken ct) =>
            posts.ShiftAsync(organizer, postId, body, ct));
        return app;
    }
}
