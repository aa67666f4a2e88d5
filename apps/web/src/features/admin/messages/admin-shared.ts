import { defineMessages } from '../../../lib/i18n/i18n';

/** Words every registrar page of this part uses (type names, confirm dialogs, one-time passwords). */
export const adminSharedMessages = defineMessages({
  ko: {
    actions: '작업',
    confirmDelete: '삭제',
    required: '필수 항목입니다.',
    allDepartments: '전체 학과',
    allYears: '전체 학년',
    department: '학과',
    yearN: '{year}학년',
    none: '없음',
    saved: '저장했습니다.',
    deleted: '삭제했습니다.',
    created: '추가했습니다.',
    oneTimePasswordTitle: '초기 비밀번호 (지금 한 번만 표시)',
    oneTimePasswordBody:
      '{who}의 초기 비밀번호는 {password} 입니다. 이 창을 닫으면 다시 볼 수 없으니 학생에게 안전하게 전달하세요. 첫 로그인 때 비밀번호를 바꾸게 됩니다.',
    typeMajorRequired: '전공필수',
    typeMajorElective: '전공선택',
    typeGeneral: '교양',
    empty: '표시할 항목이 없습니다.',
  },
  en: {
    actions: 'Actions',
    confirmDelete: 'Delete',
    required: 'This field is required.',
    allDepartments: 'All departments',
    allYears: 'All years',
    department: 'Department',
    yearN: 'Year {year}',
    none: 'None',
    saved: 'Saved.',
    deleted: 'Deleted.',
    created: 'Added.',
    oneTimePasswordTitle: 'Initial password (shown this once)',
    oneTimePasswordBody:
      'The initial password of {who} is {password}. It cannot be shown again once you close this, so pass it on to the student safely. They must change it at their first sign-in.',
    typeMajorRequired: 'Major required',
    typeMajorElective: 'Major elective',
    typeGeneral: 'General education',
    empty: 'Nothing to show.',
  },
});
