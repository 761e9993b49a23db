using Dispatch.App.SignIn;
using Dispatch.Core.Api;

namespace Dispatch.Local.SignIn;

/// <summary>Sign-in on the local host: binding only; the rules are the shared <see cref="SignInUseCases"/> and
/// <see cref="PasskeyUseCases"/>.</summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInRoutes.Code, (CodeRequest? body, HttpContext http, SignInUseCases uc, CancellationToken ct) => uc.RequestCodeAsync(http, body, ct));
        app.MapPost(SignInRoutes.Verify, (VerifyRequest? body, HttpContext http, SignInUseCases uc, CancellationToken ct) => uc.VerifyAsync(http, body, ct));
        app.MapGet(SignInRoutes.Session, (HttpContext http, SignInUseCases uc) => uc.Session(http));
        app.MapPost(SignInRoutes.SignOut, (HttpContext http, SignInUseCases uc) => uc.SignOut(http));
        app.MapPost(SignInRoutes.ResidentOrders, (ResidentOrdersRequest? body, SignInUseCases uc, CancellationToken ct) => uc.ResidentOrdersAsync(body, ct));
        app.MapPost(PasskeyRoutes.RegisterOptions, (HttpContext http, PasskeyUseCases uc, CancellationToken ct) => uc.RegisterOptionsAsync(http, ct));
        app.MapPost(PasskeyRoutes.Register, (PasskeyAnswer? body, HttpContext http, PasskeyUseCases uc, CancellationToken ct) => uc.RegisterAsync(http, body, ct));
        app.MapPost(PasskeyRoutes.SignInOptions, (PasskeyUseCases uc) => uc.SignInOptions());
        app.MapPost(PasskeyRoutes.SignIn, (PasskeyAnswer? body, HttpContext http, PasskeyUseCases uc, CancellationToken ct) => uc.SignInAsync(http, body, ct));
        return app;
    }
}
