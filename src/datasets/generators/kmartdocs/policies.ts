// K-Mart store policies, in English and Korean: each topic is a list of
// facts, each fact a sentence for the document and a question that asks
// for it in other words (the labelled questions of the retrieval notebook).
// Numbers are drawn by the generator's seeded random source.
import type { Rng } from '../rng.ts';

export interface Fact {
  en: string;
  ko: string;
  qEn: string;
  qKo: string;
}

export interface Topic {
  key: string;
  titleEn: string;
  titleKo: string;
  facts: (rng: Rng) => Fact[];
}

export const POLICY_TOPICS: Topic[] = [
  {
    key: 'returns', titleEn: 'Returns and exchanges', titleKo: '반품과 교환',
    facts: (rng) => {
      const days = rng.pick([14, 30, 45]);
      const fresh = rng.pick([2, 3]);
      return [
        { en: `Unopened items can be returned within ${days} days of purchase when you bring the receipt.`, ko: `개봉하지 않은 상품은 영수증을 가져오시면 구매 후 ${days}일 이내에 반품할 수 있습니다.`, qEn: 'How long do I have to bring back something I never opened?', qKo: '뜯지 않은 물건은 며칠 안에 반품해야 하나요?' },
        { en: `Fresh food such as milk, bread and meat is accepted back only within ${fresh} days and only at the store where it was bought.`, ko: `우유, 빵, 고기 같은 신선식품은 ${fresh}일 이내에 구매한 매장에서만 반품을 받습니다.`, qEn: 'Can I take spoiled milk back to a different branch?', qKo: '상한 우유를 다른 지점에 가져가도 반품이 되나요?' },
        { en: 'Without a receipt an exchange is still possible, but the refund is given as store credit at the lowest recent price.', ko: '영수증이 없으면 교환은 가능하지만 환불은 최근 최저가 기준의 매장 적립금으로 드립니다.', qEn: 'What happens if I lost my receipt and want my money back?', qKo: '영수증을 잃어버렸는데 돈을 돌려받을 수 있나요?' },
        { en: 'Opened software, gift cards and underwear cannot be returned for hygiene and licensing reasons.', ko: '개봉한 소프트웨어, 상품권, 속옷은 위생과 라이선스 문제로 반품할 수 없습니다.', qEn: 'Is it possible to return a gift card?', qKo: '상품권도 반품할 수 있나요?' },
        { en: 'Large furniture returns are collected from your home for a pickup fee of 15 dollars.', ko: '대형 가구 반품은 15달러의 수거 비용을 내시면 집으로 찾아가 수거합니다.', qEn: 'Do you pick up a sofa I want to send back?', qKo: '돌려보낼 소파를 집에서 가져가 주나요?' },
      ];
    },
  },
  {
    key: 'refunds', titleEn: 'Refunds', titleKo: '환불',
    facts: (rng) => {
      const card = rng.pick([3, 5, 7]);
      return [
        { en: `Card refunds reach your account within ${card} business days after the return is accepted.`, ko: `카드 환불은 반품이 승인된 뒤 영업일 기준 ${card}일 안에 계좌에 들어옵니다.`, qEn: 'When will the money appear on my credit card statement?', qKo: '신용카드로 돌려받는 돈은 언제 들어오나요?' },
        { en: 'Cash purchases are refunded in cash at the service desk on the same day.', ko: '현금으로 산 상품은 당일 고객센터에서 현금으로 환불해 드립니다.', qEn: 'If I paid with bills and coins, how do I get reimbursed?', qKo: '현금 결제를 했으면 어떻게 돌려받나요?' },
        { en: 'Online orders are refunded to the original payment method once the parcel reaches our warehouse.', ko: '온라인 주문은 택배가 물류센터에 도착하면 원래 결제 수단으로 환불됩니다.', qEn: 'I ordered on the website; where does the refund go?', qKo: '인터넷으로 주문한 건 환불이 어디로 가나요?' },
        { en: 'Delivery fees are refunded only when the item arrived damaged or was the wrong item.', ko: '배송비는 상품이 파손되었거나 잘못 온 경우에만 환불합니다.', qEn: 'Will I get the shipping charge back too?', qKo: '택배비도 돌려주나요?' },
      ];
    },
  },
  {
    key: 'delivery', titleEn: 'Home delivery', titleKo: '배송',
    facts: (rng) => {
      const free = rng.pick([35, 50, 75]);
      const cutoff = rng.pick([12, 14, 16]);
      return [
        { en: `Delivery is free for orders over ${free} dollars; smaller orders pay a flat fee of 6 dollars.`, ko: `${free}달러 이상 주문하시면 배송비가 무료이고, 그보다 적으면 6달러를 받습니다.`, qEn: 'How much do I need to spend so that shipping costs nothing?', qKo: '얼마 이상 사야 택배비가 안 드나요?' },
        { en: `Orders placed before ${cutoff}:00 arrive the same evening within ten miles of a store.`, ko: `${cutoff}시 전에 주문하면 매장 반경 10마일 안에서는 그날 저녁에 도착합니다.`, qEn: 'Until what time can I order to receive it tonight?', qKo: '오늘 저녁에 받으려면 몇 시까지 주문해야 하나요?' },
        { en: 'Frozen goods travel in insulated boxes with dry ice and must be put away within one hour.', ko: '냉동식품은 드라이아이스를 넣은 보냉 상자로 배송되며 한 시간 안에 냉동실에 넣어야 합니다.', qEn: 'How is ice cream kept cold on the way to my house?', qKo: '아이스크림은 집까지 어떻게 차갑게 오나요?' },
        { en: 'If nobody is home the driver leaves the parcel at the door and sends a photo by text message.', ko: '집에 아무도 없으면 기사가 문 앞에 두고 사진을 문자로 보내 드립니다.', qEn: 'What does the courier do when I am out?', qKo: '제가 집에 없으면 배달 기사는 어떻게 하나요?' },
        { en: 'Deliveries are not made on January 1 and December 25.', ko: '1월 1일과 12월 25일에는 배송하지 않습니다.', qEn: 'Do you bring orders on Christmas Day?', qKo: '크리스마스에도 배달이 오나요?' },
      ];
    },
  },
  {
    key: 'membership', titleEn: 'K-Mart membership', titleKo: 'K-Mart 멤버십',
    facts: (rng) => {
      const fee = rng.pick([25, 30, 40]);
      const points = rng.pick([1, 2]);
      return [
        { en: `The membership costs ${fee} dollars a year and can be cancelled at any time with a refund of the unused months.`, ko: `멤버십 연회비는 ${fee}달러이며 언제든 해지하면 남은 달만큼 돌려드립니다.`, qEn: 'What is the annual price of joining the club?', qKo: '회원 가입비는 1년에 얼마인가요?' },
        { en: `Members earn ${points} points for every dollar spent, and 100 points are worth one dollar at the till.`, ko: `회원은 1달러를 쓸 때마다 ${points}포인트를 받고, 100포인트는 계산대에서 1달러로 씁니다.`, qEn: 'How many points do I collect per purchase?', qKo: '물건을 사면 포인트가 얼마나 쌓이나요?' },
        { en: 'Points expire two years after the month in which they were earned.', ko: '포인트는 적립된 달로부터 2년 뒤에 소멸됩니다.', qEn: 'Do my rewards ever run out?', qKo: '쌓은 포인트에 유효기간이 있나요?' },
        { en: 'Up to four family members living at the same address can share one membership card.', ko: '같은 주소에 사는 가족은 네 명까지 멤버십 카드 하나를 함께 쓸 수 있습니다.', qEn: 'Can my wife and kids use my card?', qKo: '가족도 제 회원 카드를 같이 쓸 수 있나요?' },
        { en: 'Members get early access to seasonal sales one day before everyone else.', ko: '회원은 시즌 세일을 다른 고객보다 하루 먼저 이용할 수 있습니다.', qEn: 'Is there any advantage during the big discount events?', qKo: '큰 할인 행사 때 회원 혜택이 있나요?' },
      ];
    },
  },
  {
    key: 'payment', titleEn: 'Payment', titleKo: '결제',
    facts: (rng) => {
      const limit = rng.pick([50, 100]);
      return [
        { en: 'We accept cash, debit and credit cards, mobile wallets and K-Mart gift cards.', ko: '현금, 체크카드와 신용카드, 모바일 지갑, K-Mart 상품권으로 결제할 수 있습니다.', qEn: 'Can I pay with my phone?', qKo: '휴대폰으로 계산할 수 있나요?' },
        { en: `Personal checks are accepted up to ${limit} dollars with a photo ID.`, ko: `개인 수표는 사진이 있는 신분증을 보여 주시면 ${limit}달러까지 받습니다.`, qEn: 'Do you take cheques, and is there a maximum?', qKo: '수표도 받나요? 한도가 있나요?' },
        { en: 'Purchases over 300 dollars can be split into three interest-free instalments with a K-Mart credit card.', ko: '300달러가 넘는 구매는 K-Mart 신용카드로 무이자 3개월 할부가 됩니다.', qEn: 'Can I spread the cost of a television over several months?', qKo: '텔레비전 값을 몇 달에 나눠 낼 수 있나요?' },
        { en: 'Self-checkout lanes take cards only, not cash.', ko: '셀프 계산대는 카드만 받고 현금은 받지 않습니다.', qEn: 'Can I use banknotes at the machines where I scan my own shopping?', qKo: '무인 계산기에서 지폐를 쓸 수 있나요?' },
      ];
    },
  },
  {
    key: 'warranty', titleEn: 'Warranty and repairs', titleKo: '품질 보증과 수리',
    facts: (rng) => {
      const years = rng.pick([1, 2]);
      return [
        { en: `Electronics carry a ${years}-year K-Mart warranty on top of the maker's guarantee.`, ko: `전자제품에는 제조사 보증에 더해 K-Mart 보증이 ${years}년 붙습니다.`, qEn: 'How long is a laptop covered if it breaks?', qKo: '노트북이 고장 나면 얼마 동안 보장되나요?' },
        { en: 'Repairs under warranty are free and usually take ten working days.', ko: '보증 기간 안의 수리는 무료이며 보통 영업일 10일이 걸립니다.', qEn: 'How many days until my fixed phone comes back?', qKo: '수리 맡긴 휴대폰은 며칠 뒤에 돌아오나요?' },
        { en: 'Damage from water or a fall is not covered by the warranty.', ko: '물에 빠뜨리거나 떨어뜨려 생긴 파손은 보증하지 않습니다.', qEn: 'I dropped my tablet in the pool; is that included?', qKo: '태블릿을 수영장에 빠뜨렸는데 보증이 되나요?' },
        { en: 'A loan device is lent to members while their own is being repaired.', ko: '수리하는 동안 회원에게는 대여 기기를 빌려 드립니다.', qEn: 'Do I get a replacement to use in the meantime?', qKo: '고치는 동안 쓸 다른 기기를 주나요?' },
      ];
    },
  },
  {
    key: 'pricing', titleEn: 'Price match and coupons', titleKo: '최저가 보상과 쿠폰',
    facts: (rng) => {
      const window = rng.pick([7, 14]);
      return [
        { en: `If another shop advertises the same item for less within ${window} days, we refund the difference.`, ko: `다른 가게가 ${window}일 안에 같은 상품을 더 싸게 광고하면 차액을 돌려드립니다.`, qEn: 'A competitor sells it cheaper; will you give me the gap back?', qKo: '다른 마트가 더 싸게 팔면 차이를 돌려주나요?' },
        { en: 'Only one coupon can be used per item, and coupons cannot be combined with member prices.', ko: '쿠폰은 상품 하나에 한 장만 쓸 수 있고 회원가와 함께 쓸 수 없습니다.', qEn: 'Can I stack two vouchers on the same product?', qKo: '할인권 두 장을 한 물건에 같이 써도 되나요?' },
        { en: 'Online marketplace sellers and auction prices are not matched.', ko: '온라인 오픈마켓 판매자와 경매 가격은 보상 대상이 아닙니다.', qEn: 'Does the guarantee include prices on auction websites?', qKo: '경매 사이트 가격도 보상해 주나요?' },
      ];
    },
  },
  {
    key: 'pickup', titleEn: 'Order online, pick up in store', titleKo: '온라인 주문, 매장 픽업',
    facts: (rng) => {
      const hours = rng.pick([2, 4]);
      const hold = rng.pick([3, 5]);
      return [
        { en: `Pickup orders are ready within ${hours} hours and we send a text message when they are.`, ko: `픽업 주문은 ${hours}시간 안에 준비되며 준비가 끝나면 문자를 보내 드립니다.`, qEn: 'How soon can I collect what I bought on the app?', qKo: '앱으로 산 물건은 얼마나 빨리 찾으러 갈 수 있나요?' },
        { en: `We hold a pickup order for ${hold} days; after that it is cancelled and refunded.`, ko: `픽업 주문은 ${hold}일 동안 보관하고 그 뒤에는 취소하고 환불합니다.`, qEn: 'What if I cannot come to get my order this week?', qKo: '이번 주에 주문한 걸 찾으러 못 가면 어떻게 되나요?' },
        { en: 'Drive-up pickup is available in the marked parking spaces; stay in your car and call the number on the sign.', ko: '표시된 주차 칸에서 차에 탄 채로 픽업할 수 있으며, 안내판의 번호로 전화하시면 됩니다.', qEn: 'Can someone bring my bags to the car?', qKo: '차에서 내리지 않고 물건을 받을 수 있나요?' },
      ];
    },
  },
];

/** Sentences any page may hold: they add length and shared words, as real pages do. */
export const FILLERS_EN = [
  'Thank you for shopping at K-Mart.',
  'Our staff at the service desk will be glad to help you with any question.',
  'These rules apply in every K-Mart store and on the K-Mart website.',
  'K-Mart may update this page, and the version in force on the day of purchase applies.',
  'Please keep your receipt until you are sure you are happy with your purchase.',
  'For the latest information, ask a member of staff or call customer service.',
  'Customer service is reachable every day by phone and by chat.',
  'Some exceptions may apply to items bought during special promotions.',
  'K-Mart has served families in the Midwest since 1962.',
  'We want every visit to be simple, quick and friendly.',
];

export const FILLERS_KO = [
  'K-Mart를 이용해 주셔서 감사합니다.',
  '궁금한 점은 고객센터 직원이 기꺼이 도와 드립니다.',
  '이 규정은 모든 K-Mart 매장과 K-Mart 웹사이트에 적용됩니다.',
  'K-Mart는 이 안내를 바꿀 수 있으며 구매한 날의 내용이 적용됩니다.',
  '구매에 만족하실 때까지 영수증을 보관해 주세요.',
  '최신 정보는 직원에게 물어보시거나 고객센터에 전화해 주세요.',
  '고객센터는 매일 전화와 채팅으로 연결됩니다.',
  '특별 행사 기간에 산 상품에는 예외가 있을 수 있습니다.',
  'K-Mart는 1962년부터 중서부 가족들과 함께해 왔습니다.',
  '모든 방문이 간단하고 빠르고 즐겁기를 바랍니다.',
];
