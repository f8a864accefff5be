// Product FAQs and store pages of the K-Mart document collection, built
// from the K-Mart product and store tables (src/datasets/generators/kmart)
// so the retrieval notebook talks about the same shop as the forecasts.
import type { Rng } from '../rng.ts';
import { PRODUCTS, STORES } from '../kmart/tables.ts';
import type { Fact } from './policies.ts';

export interface Page {
  key: string;
  titleEn: string;
  titleKo: string;
  facts: Fact[];
}

const NAMES: Record<string, [string, string]> = {
  Beverage: ['K-Cola soft drink', 'K-콜라 탄산음료'], Juice: ['orange juice', '오렌지 주스'], Water: ['spring water', '생수'],
  Liquor: ['red wine', '레드 와인'], Milk: ['fresh milk', '신선 우유'], Bread: ['whole wheat bread', '통밀 식빵'],
  Eggs: ['free-range eggs', '방사 유정란'], Meat: ['beef steak', '소고기 스테이크'], Seafood: ['salmon fillet', '연어 필레'],
  Cleaning: ['dish soap', '주방 세제'], Paper: ['paper towels', '키친타월'], 'Personal Care': ['shampoo', '샴푸'],
  'Baby Care': ['baby diapers', '아기 기저귀'], Hardware: ['cordless drill', '무선 드릴'], Books: ['cookbook', '요리책'],
  Agricultural: ['potatoes', '감자'],
};

const STORAGE: Record<string, [string, string]> = {
  Drink: ['in a cool place away from sunlight', '햇빛을 피해 서늘한 곳에'],
  Food: ['in the refrigerator at 4 °C or below', '4도 이하 냉장고에'],
  Household: ['in a dry cupboard out of reach of children', '아이 손이 닿지 않는 건조한 찬장에'],
  Beauty: ['at room temperature with the lid closed', '뚜껑을 닫아 실온에'],
  Leisure: ['on a dry shelf', '습기 없는 선반에'],
  Grocery: ['in a dark, airy basket, not in the fridge', '냉장고가 아닌 어둡고 바람이 통하는 바구니에'],
};

const SUPPLIERS: [string, string][] = [['Lakeside Farms', 'MN'], ['Prairie Foods', 'IA'], ['North Star Goods', 'WI'], ['Heartland Supply', 'NE'], ['River Valley Co.', 'MO']];

export function productPages(rng: Rng): Page[] {
  return PRODUCTS.map((p) => {
    const [en, ko] = NAMES[p.subCategory];
    const [storeEn, storeKo] = STORAGE[p.category];
    const [supplier, state] = rng.pick(SUPPLIERS);
    const member = Math.round(p.price * 90) / 100;
    const facts: Fact[] = [
      { en: `${capital(en)} (${p.code}) costs ${p.price} dollars, and members pay ${member} dollars.`, ko: `${ko}(${p.code})는 ${p.price}달러이고 회원은 ${member}달러에 삽니다.`, qEn: `How much is the ${en}?`, qKo: `${ko} 가격이 얼마예요?` },
      { en: `Keep the ${en} ${storeEn}.`, ko: `${ko}는 ${storeKo} 보관하세요.`, qEn: `Where should I put the ${en} when I get home?`, qKo: `${ko}는 집에 와서 어디에 두면 되나요?` },
      { en: `The ${en} shelf is refilled every ${p.leadTime} days, the time an order from the warehouse takes to arrive.`, ko: `${ko} 진열대는 물류센터 주문이 도착하는 데 걸리는 ${p.leadTime}일마다 다시 채워집니다.`, qEn: `How often do you restock the ${en}?`, qKo: `${ko}는 며칠마다 새로 들어오나요?` },
      { en: `Our ${en} is supplied by ${supplier} in ${state}.`, ko: `저희 ${ko}는 ${state}주의 ${supplier}에서 공급합니다.`, qEn: `Which company produces the ${en} you sell?`, qKo: `파는 ${ko}는 어느 회사 제품인가요?` },
    ];
    return { key: `product-${p.id}`, titleEn: `FAQ: ${en} (${p.code})`, titleKo: `자주 묻는 질문: ${ko} (${p.code})`, facts };
  });
}

export function storePages(rng: Rng): Page[] {
  const seen = new Set<string>();
  const stores = STORES.filter((s) => (seen.has(s.city) ? false : (seen.add(s.city), true)));
  return stores.map((s) => {
    const open = rng.pick([7, 8]);
    const close = rng.pick([21, 22, 23]);
    const sunday = rng.pick([18, 19, 20]);
    const spaces = rng.int(8, 40) * 10;
    const pharmacy = rng.pick([true, false]);
    const city = `${s.city}, ${s.state}`;
    const facts: Fact[] = [
      { en: `The ${city} store opens at ${open}:00 and closes at ${close}:00 from Monday to Saturday.`, ko: `${city} 매장은 월요일부터 토요일까지 ${open}시에 열고 ${close}시에 닫습니다.`, qEn: `What time does the ${s.city} shop shut on weekdays?`, qKo: `${s.city} 지점은 평일에 몇 시에 문을 닫나요?` },
      { en: `On Sundays the ${city} store closes early, at ${sunday}:00.`, ko: `${city} 매장은 일요일에는 ${sunday}시에 일찍 닫습니다.`, qEn: `Until when can I shop in ${s.city} on a Sunday?`, qKo: `${s.city} 지점은 일요일 몇 시까지 하나요?` },
      { en: `The ${city} store has ${spaces} free parking spaces for the first two hours.`, ko: `${city} 매장에는 처음 두 시간 무료인 주차 공간이 ${spaces}면 있습니다.`, qEn: `Is parking free at the ${s.city} branch, and how many cars fit?`, qKo: `${s.city} 지점 주차는 무료인가요? 몇 대나 댈 수 있나요?` },
      pharmacy
        ? { en: `The ${city} store has a pharmacy that fills prescriptions until 20:00.`, ko: `${city} 매장에는 20시까지 처방전을 받는 약국이 있습니다.`, qEn: `Can I get my medicine prescription filled in ${s.city}?`, qKo: `${s.city} 지점에서 처방약을 받을 수 있나요?` }
        : { en: `The ${city} store has no pharmacy; the nearest one is two blocks away.`, ko: `${city} 매장에는 약국이 없고 가장 가까운 약국은 두 블록 떨어져 있습니다.`, qEn: `Can I get my medicine prescription filled in ${s.city}?`, qKo: `${s.city} 지점에서 처방약을 받을 수 있나요?` },
    ];
    return { key: `store-${s.id}`, titleEn: `K-Mart ${city}`, titleKo: `K-Mart ${city} 매장`, facts };
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
