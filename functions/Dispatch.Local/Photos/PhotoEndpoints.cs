using Dispatch.App.Photos;
using Dispatch.Core.Api;

namespace Dispatch.Local.Photos;

/// <summary>An order's photo: binding only; the rules are the shared <see cref="PhotoUseCases"/>.</summary>
public static class PhotoEndpoints
{
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapPut(Routes.Photo, (string orderId, ResidentLink resident, HttpRequest request, PhotoUseCases photos, CancellationToken ct) =>
            photos.PutAsync(resident, orderId, request, ct));
        app.MapGet(Routes.Photo, (string orderId, CallerLink caller, PhotoUseCases photos, CancellationToken ct) =>
            photos.GetAsync(caller, orderId, ct));
        return app;
    }
}
