using Dispatch.App.Orders;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Dispatch.Core.Photos;
using Dispatch.Storage;
using Microsoft.AspNetCore.Http;

namespace Dispatch.App.Photos;

/// <summary>The one optional photo of an order: the resident uploads or replaces it until the order is closed;
/// the resident, the order's organizers and the member who accepted it may read it (<see cref="OrderReader.Check"/>,
/// <see cref="OrderViews.MemberMaySeePhoto"/>); everyone else gets the 404 of an unknown order.</summary>
public sealed class PhotoUseCases(OrderReader reader, PhotoStore photos, OrderStore orders)
{
    /// <summary>200 with the photo as stored; the same bytes again store the same photo.</summary>
    public async Task<IResult> PutAsync(ResidentLink resident, string orderId, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(request);
        resident.Of(orderId);
        var order = await reader.LoadAsync(orderId, ct);
        if (order.State.IsTerminal)
        {
            throw new ApiProblemException(PhotoProblems.Closed());
        }

        var photo = PhotoSanitizer.Sanitize(await PhotoBody.ReadAsync(request, ct), request.ContentType);
        var contentType = photo.Format.ContentType();
        await photos.PutAsync(order.OrderId, photo.Bytes, contentType, ct);
        await orders.MarkPhotoAsync(order.OrderId, hasPhoto: true, ct);
        return Results.Ok(new PhotoView(order.OrderId, contentType, photo.Width, photo.Height, photo.Bytes.Length));
    }

    /// <summary>The image bytes, or 404 when there is none or the caller may not see it.</summary>
    public async Task<IResult> GetAsync(CallerLink caller, string orderId, CancellationToken ct)
    {
        var order = await reader.LoadAsync(orderId, ct);
        if (OrderReader.Check(caller, order.State) is { } memberId && !OrderViews.MemberMaySeePhoto(order.State, memberId))
        {
            throw new ApiProblemException(ApiProblem.NotFound("order"));
        }

        var photo = await photos.GetAsync(order.OrderId, ct) ?? throw new ApiProblemException(ApiProblem.NotFound("photo"));
        return Results.Bytes(photo.Bytes, photo.ContentType);
    }

    public static string PhotoPath(string orderId) => Routes.Photo.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal);
}
