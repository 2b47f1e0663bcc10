// The demo shop's catalogue. Prices are whole kuruş (1/100 lira) so that sums never drift.

export type Category = 'kahve' | 'seramik';

export interface Product {
  slug: string;
  name: string;
  category: Category;
  /** Price in kuruş. */
  price: number;
  /** One line for cards. */
  tagline: string;
  description: string;
  details: Array<[label: string, value: string]>;
  /** An SVG illustration with its own background, under /static/img/. */
  image: string;
}

export const categories: Record<Category, { name: string; blurb: string }> = {
  kahve: {
    name: 'Kahve',
    blurb: 'Küçük partiler hâlinde, her salı Kadıköy’deki atölyemizde kavruluyor.',
  },
  seramik: {
    name: 'Seramik',
    blurb: 'Çarkta şekillenen, elde sırlanan; her biri diğerinden biraz farklı.',
  },
};

export const products: readonly Product[] = [
  {
    slug: 'etiyopya-yirgacheffe',
    name: 'Etiyopya Yirgacheffe',
    category: 'kahve',
    price: 48990,
    tagline: 'Yasemin, bergamot, şeftali · 250 g',
    description:
      'Gedeo bölgesinin yüksek bahçelerinden yıkanmış işlem bir çekirdek. Açık kavrumu, çiçeksi kokusunu ve çay gibi berrak gövdesini koruyor; V60 ya da Chemex ile en güzel hâlini buluyor.',
    details: [
      ['Menşe', 'Gedeo, Etiyopya · 1.900–2.100 m'],
      ['İşlem', 'Yıkanmış'],
      ['Kavrum', 'Açık'],
      ['Öğütme', 'Çekirdek (dilerseniz öğütüyoruz)'],
    ],
    image: '/static/img/kahve-yirgacheffe.svg',
  },
  {
    slug: 'kolombiya-huila',
    name: 'Kolombiya Huila',
    category: 'kahve',
    price: 42990,
    tagline: 'Karamel, kırmızı elma, kakao · 250 g',
    description:
      'Huila’nın küçük aile çiftliklerinden, dengeli ve tatlı bir fincan. Sabah filtre kahvesi için de, süt ile espresso için de güvenilir bir yol arkadaşı.',
    details: [
      ['Menşe', 'Huila, Kolombiya · 1.700 m'],
      ['İşlem', 'Yıkanmış'],
      ['Kavrum', 'Orta'],
      ['Öğütme', 'Çekirdek (dilerseniz öğütüyoruz)'],
    ],
    image: '/static/img/kahve-huila.svg',
  },
  {
    slug: 'kervan-espresso-harmani',
    name: 'Kervan Espresso Harmanı',
    category: 'kahve',
    price: 74990,
    tagline: 'Fındık, bitter çikolata, pekmez · 500 g',
    description:
      'Brezilya ve Guatemala çekirdeklerinden yaptığımız ev harmanımız. Yoğun, yuvarlak ve sütle uyumlu; dükkânımızda her gün bu harmanla demliyoruz.',
    details: [
      ['Menşe', 'Brezilya · Guatemala'],
      ['İşlem', 'Doğal ve yıkanmış'],
      ['Kavrum', 'Orta-koyu'],
      ['Öğütme', 'Çekirdek'],
    ],
    image: '/static/img/kahve-espresso.svg',
  },
  {
    slug: 'dibek-turk-kahvesi',
    name: 'Dibek Türk Kahvesi',
    category: 'kahve',
    price: 28990,
    tagline: 'Taşta dövülmüş, bol köpüklü · 250 g',
    description:
      'Orta kavrulmuş Brezilya çekirdeklerini taş dibekte, eski usulle dövüyoruz. Hafif içimli, köpüğü yoğun; bakır cezvede, kısık ateşte pişirmenizi öneririz.',
    details: [
      ['Menşe', 'Minas Gerais, Brezilya'],
      ['Kavrum', 'Orta'],
      ['Öğütme', 'Dibekte, Türk kahvesi inceliğinde'],
      ['Paket', 'Valfli, ışık geçirmez'],
    ],
    image: '/static/img/kahve-dibek.svg',
  },
  {
    slug: 'iznik-mavisi-fincan-takimi',
    name: 'İznik Mavisi Fincan Takımı',
    category: 'seramik',
    price: 124990,
    tagline: 'İki fincan, iki tabak · el boyaması',
    description:
      'Kütahyalı ustamız Nermin Hanım’ın elinden, kobalt mavisi lale motifli iki kişilik Türk kahvesi takımı. Sırın altındaki her fırça izi ayrı; bulaşık makinesine girebilir.',
    details: [
      ['Malzeme', 'Porselen çamuru, sıraltı boya'],
      ['Hacim', '80 ml'],
      ['Ölçü', 'Tabak Ø 12 cm'],
      ['Bakım', 'Bulaşık makinesine uygun'],
    ],
    image: '/static/img/seramik-iznik.svg',
  },
  {
    slug: 'raku-filtre-demlik',
    name: 'Raku Filtre Demlik',
    category: 'seramik',
    price: 89990,
    tagline: 'V60 uyumlu dripper · tek delikli',
    description:
      'Raku fırınında pişirilen, dumanla kararmış kenarlı bir filtre demlik. İç yüzeyindeki spiral kanallar kağıdın nefes almasını sağlıyor; 02 numara filtre kağıdıyla kullanılır.',
    details: [
      ['Malzeme', 'Stoneware, raku pişirim'],
      ['Filtre', '02 boy konik kağıt'],
      ['Ölçü', 'Ø 11,5 × 8 cm'],
      ['Bakım', 'Elde yıkayın'],
    ],
    image: '/static/img/seramik-raku.svg',
  },
  {
    slug: 'cini-desenli-kupa',
    name: 'Çini Desenli Kupa',
    category: 'seramik',
    price: 44990,
    tagline: 'Mercan ve krem · 300 ml',
    description:
      'Sabah kahvesi için dolgun, ele oturan bir kupa. Mercan rengi çini bordürü ağzın hemen altında; gövdesi mat krem sırla kaplı.',
    details: [
      ['Malzeme', 'Stoneware, mat sır'],
      ['Hacim', '300 ml'],
      ['Ölçü', 'Ø 8,5 × 9,5 cm'],
      ['Bakım', 'Bulaşık makinesi ve mikrodalgaya uygun'],
    ],
    image: '/static/img/seramik-kupa.svg',
  },
  {
    slug: 'sirli-servis-tabagi',
    name: 'Sırlı Servis Tabağı',
    category: 'seramik',
    price: 68990,
    tagline: 'Adaçayı yeşili · Ø 26 cm',
    description:
      'Lokum, kurabiye ya da bir dilim revani için geniş, sığ bir servis tabağı. Kenarlarda sırın kalınlaştığı yerlerde yeşil koyulaşıyor.',
    details: [
      ['Malzeme', 'Stoneware, reaktif sır'],
      ['Ölçü', 'Ø 26 cm'],
      ['Bakım', 'Bulaşık makinesine uygun'],
    ],
    image: '/static/img/seramik-tabak.svg',
  },
];

export function findProduct(slug: string): Product | undefined {
  return products.find((product) => product.slug === slug);
}

/** Orders at or above this total ship free; below it, shipping costs `SHIPPING_FEE`. */
export const FREE_SHIPPING_FROM = 75000;
export const SHIPPING_FEE = 5990;
/** Most of one line in the cart; a bigger number is a typo or a tampered form. */
export const MAX_QUANTITY = 20;
