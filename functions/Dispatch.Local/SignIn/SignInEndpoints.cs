using Dispatch.App.SignIn;
using Dispatch.Core.Api;

namespace Dispatch.Local.SignIn;

/// <summary>Sign-in on the local host: binding only; the rules are the shared <see cref="SignInUseCases"/>.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInRoutes.Code, (CodeRequest? body, HttpContext http, SignInUseCases uc, CancellationToken ct) => uc.RequestCodeAsync(http, body, ct));
        app.MapPost(SignInRoutes.Verify, (VerifyRequest? body, HttpContext http, SignInUseCases uc, CancellationToken ct) => uc.VerifyAsync(http, body, ct));
        app.MapGet(SignInRoutes.Session, (HttpContext http, SignInUseCases uc) => uc.Session(http));
        app.MapPost(SignInRoutes.SignOut, (HttpContext http, SignInUseCases uc) => uc.SignOut(http));
        app.MapPost(SignInRoutes.ResidentOrders, (ResidentOrdersRequest? body, SignInUseCases uc, CancellationToken ct) => uc.ResidentOrdersAsync(body, ct));
        return app;
    }
}
