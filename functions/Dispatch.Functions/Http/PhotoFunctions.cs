using Dispatch.App.Photos;
using Dispatch.App.SignedLinks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>An order's photo: binding only; the rules are the shared <see cref="PhotoUseCases"/>.</summary>
public sealed class PhotoFunctions(PhotoUseCases photos, Access access, ILogger<PhotoFunctions> logger)
{
    [Function("PutOrderPhoto")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orders/{orderId}/photo")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        photos.PutAsync(ResidentLink.From(req, access), HttpApi.Route(nameof(orderId), orderId), req, ct));

    [Function("GetOrderPhoto")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{orderId}/photo")] HttpRequest req,
        string orderId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        photos.GetAsync(CallerLink.From(req, access), HttpApi.Route(nameof(orderId), orderId), ct));
}
