using QRCoder;

namespace Dispatch.App.SignedLinks;

/// <summary>A link as a QR code to print (the registration poster, the proof's verification page): SVG, error
/// correction M (about 15% of the code may be smudged), 8 units per module.</summary>
public static class QrCodes
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
