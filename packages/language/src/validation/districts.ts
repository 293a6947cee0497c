/** Stadsdelar: each belongs to a kommun of the register and has one code and one name in its city. */
import type { ValidationAcceptor } from 'langium';
import { kommun } from '@oj/regions';
import type { Survey } from '../generated/ast.js';
import { issue, shorten } from './common.js';
import { TextIssueCodes } from './text.js';

export const DistrictIssueCodes = {
    UnknownKommun: 'unknown-kommun',
    DuplicateDistrict: 'duplicate-district',
} as const;

export function districtsMustBeKnownAndUnique(survey: Survey, accept: ValidationAcceptor): void {
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const district of survey.districts ?? []) {
        if (!district.code) continue;
        const kod = district.code.slice(0, 4);
        const city = kommun(kod);
        if (!city) {
            issue(
                accept,
                'error',
                DistrictIssueCodes.UnknownKommun,
                `Stadsdelen ${district.code}: det finns ingen kommun med kommunkoden ${kod} i kommunregistret.`,
                district,
                'code',
            );
        }
        if (codes.has(district.code)) {
            issue(
                accept,
                'error',
                DistrictIssueCodes.DuplicateDistrict,
                `Stadsdelen ${district.code} finns redan i enkäten.`,
                district,
                'code',
            );
        }
        const nameKey = `${kod}#${(district.name ?? '').trim().toLocaleLowerCase('sv')}`;
        if (district.name !== undefined && names.has(nameKey)) {
            issue(
                accept,
                'error',
                DistrictIssueCodes.DuplicateDistrict,
                `Det finns redan en stadsdel som heter ${shorten(district.name)}${city ? ` i ${city.namn}` : ''}.`,
                district,
                'name',
            );
        }
        if (district.name !== undefined && district.name.trim() === '') {
            issue(accept, 'error', TextIssueCodes.InvalidName, `Stadsdelen ${district.code} saknar namn.`, district, 'name');
        }
        codes.add(district.code);
        names.add(nameKey);
    }
}
