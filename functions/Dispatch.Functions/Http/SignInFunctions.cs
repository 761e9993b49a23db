using Dispatch.App.RateLimiting;
using Dispatch.App.SignIn;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Sign-in (登录): the shared <see cref="SignInUseCases"/>, as in the local host. Routes are
/// <see cref="SignInRoutes"/> without "/api/". Anonymous at the Functions level: the one-time code, then the session
/// cookie, is the rule. Codes go through the SMS provider (Sms:*); without one, asking for a code answers 503.</summary>
public sealed class SignInFunctions(SignInUseCases signIn, PasskeyUseCases passkeys, ClientRateLimiter limits, ILogger<SignInFunctions> logger)
{
    [Function("RequestSignInCode")]
    public Task<IActionResult> RequestCodeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signin/code")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await signIn.RequestCodeAsync(req.HttpContext, await HttpApi.ReadBodyAsync<CodeRequest>(req, ct), ct));

    [Function("VerifySignInCode")]
    public Task<IActionResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signin/verify")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
            limits.Acquire(req.HttpContext);
            return await signIn.VerifyAsync(req.HttpContext, await HttpApi.ReadBodyAsync<VerifyRequest>(req, ct), ct);
        });

    [Function("GetSession")]
    public Task<IActionResult> SessionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "session")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult(signIn.Session(req.HttpContext)));

    [Function("SignOut")]
    public Task<IActionResult> SignOutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signout")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult(signIn.SignOut(req.HttpContext)));

    [Function("FindResidentOrders")]
    public Task<IActionResult> ResidentOrdersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signin/orders")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
            limits.Acquire(req.HttpContext);
            return await signIn.ResidentOrdersAsync(await HttpApi.ReadBodyAsync<ResidentOrdersRequest>(req, ct), ct);
        });

    [Function("PasskeyRegisterOptions")]
    public Task<IActionResult> PasskeyRegisterOptionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "passkeys/register/options")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => passkeys.RegisterOptionsAsync(req.HttpContext, ct));

    [Function("RegisterPasskey")]
    public Task<IActionResult> RegisterPasskeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "passkeys/register")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await passkeys.RegisterAsync(req.HttpContext, await HttpApi.ReadBodyAsync<PasskeyAnswer>(req, ct), ct));

    [Function("PasskeySignInOptions")]
    public Task<IActionResult> PasskeySignInOptionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "passkeys/signin/options")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult(passkeys.SignInOptions()));

    [Function("PasskeySignIn")]
    public Task<IActionResult> PasskeySignInAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "passkeys/signin")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        {
            limits.Acquire(req.HttpContext);
            return await passkeys.SignInAsync(req.HttpContext, await HttpApi.ReadBodyAsync<PasskeyAnswer>(req, ct), ct);
        });
}
